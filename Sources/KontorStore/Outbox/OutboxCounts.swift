import Foundation

/// The queue of one destination at a glance, for `kontor status` and `kontor queue list`.
public struct OutboxCounts: Sendable, Hashable {
    public var destination: String
    /// Jobs not yet delivered (due, waiting for a retry, or leased).
    public var pending: Int
    /// Pending jobs a worker holds now.
    public var leased: Int
    /// Pending jobs that failed at least once and wait for a retry.
    public var retrying: Int
    /// Dead letters not replayed.
    public var dead: Int
    /// When the oldest pending job was enqueued.
    public var oldestPendingAt: Date?

    public init(
        destination: String, pending: Int = 0, leased: Int = 0, retrying: Int = 0, dead: Int = 0,
        oldestPendingAt: Date? = nil
    ) {
        self.destination = destination
        self.pending = pending
        self.leased = leased
        self.retrying = retrying
        self.dead = dead
        self.oldestPendingAt = oldestPendingAt
    }
}
