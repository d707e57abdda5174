import Foundation

/// One destination in a ``StatusReport``: its plugin and mode, and its delivery queue.
public struct DestinationStatus: Codable, Sendable, Hashable {
    /// The `destinations:` key in `connectors.yaml`.
    public var name: String
    public var plugin: String
    /// `mirror`, `append` or `upsert`.
    public var mode: String
    public var segments: [String]
    public var enabled: Bool
    /// Jobs not yet delivered (due, waiting for a retry, or in flight).
    public var pending: Int
    /// Pending jobs a worker holds now.
    public var inFlight: Int
    /// Pending jobs that failed at least once and wait for a retry.
    public var retrying: Int
    /// Dead letters not replayed.
    public var dead: Int
    /// Jobs delivered since the store was created.
    public var delivered: Int
    /// When the last job was delivered.
    public var lastDeliveryAt: Date?
    /// When the oldest pending job was enqueued.
    public var oldestPendingAt: Date?

    public init(
        name: String, plugin: String, mode: String, segments: [String] = [], enabled: Bool = true, pending: Int = 0,
        inFlight: Int = 0, retrying: Int = 0, dead: Int = 0, delivered: Int = 0, lastDeliveryAt: Date? = nil,
        oldestPendingAt: Date? = nil
    ) {
        self.name = name
        self.plugin = plugin
        self.mode = mode
        self.segments = segments
        self.enabled = enabled
        self.pending = pending
        self.inFlight = inFlight
        self.retrying = retrying
        self.dead = dead
        self.delivered = delivered
        self.lastDeliveryAt = lastDeliveryAt
        self.oldestPendingAt = oldestPendingAt
    }
}
