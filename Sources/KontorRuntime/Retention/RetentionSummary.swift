import Foundation

/// What one retention pass deleted.
public struct RetentionSummary: Sendable, Hashable {
    /// Events received before the events cutoff (and already processed by every consumer).
    public var events = 0
    /// Dead letters older than their period.
    public var deadLetters = 0
    /// Finished runs older than their period.
    public var runs = 0
    /// The log position events were deleted up to at most (the lowest consumer position), when events have a period.
    public var through: Int64?

    public init() {}

    /// Everything deleted, for the run history.
    public var counts: [String: Int] { ["events": events, "dead_letters": deadLetters, "runs": runs] }

    /// Nothing was deleted.
    public var isEmpty: Bool { events + deadLetters + runs == 0 }
}
