/// What one delivery round of a destination did.
public struct DeliveryReport: Sendable, Hashable {
    public var destination: String
    /// Requests sent (bisected halves included).
    public var requests = 0
    public var delivered = 0
    /// Jobs that failed and wait for a retry.
    public var retried = 0
    public var deadLettered = 0
    /// Claimed jobs handed back unsent (a partial batch waiting for `max_wait`, or the
    /// destination failing earlier in the round).
    public var handedBack = 0
    /// Records the destination reported invalid without naming them (Meta `num_invalid_entries`).
    public var unnamedInvalid = 0
    /// The last failure seen, for logs and the CLI.
    public var lastError: String?
    /// True when the destination failed as a whole (5xx, 429, unreachable) and the round stopped early.
    public var destinationFailed = false

    public init(destination: String) {
        self.destination = destination
    }

    /// Adds the counts of `other`.
    public mutating func add(_ other: DeliveryReport) {
        requests += other.requests
        delivered += other.delivered
        retried += other.retried
        deadLettered += other.deadLettered
        handedBack += other.handedBack
        unnamedInvalid += other.unnamedInvalid
        lastError = other.lastError ?? lastError
        destinationFailed = destinationFailed || other.destinationFailed
    }
}
