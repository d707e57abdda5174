import Foundation

/// What to send now, and what waits.
public struct BatchPlan<Item: BatchItem>: Sendable {
    /// Batches to send now, oldest group first.
    public var ready: [Batch<Item>]
    /// Records left in the queue: partial batches still inside `max_wait`.
    public var waiting: [Item]
    /// Records bigger than `max_bytes` on their own: no request can carry them.
    public var oversized: [Item]
    /// When the first waiting partial batch is due; `nil` when nothing waits.
    public var nextFlushAt: Date?

    public init(ready: [Batch<Item>] = [], waiting: [Item] = [], oversized: [Item] = [], nextFlushAt: Date? = nil) {
        self.ready = ready
        self.waiting = waiting
        self.oversized = oversized
        self.nextFlushAt = nextFlushAt
    }
}
