/// What committing an ``KontorCore/ActivationPlan`` (or a replay) wrote.
public struct EnqueueResult: Sendable, Hashable {
    /// Jobs inserted.
    public var enqueued: Int
    /// Jobs not inserted because a pending job has the same idempotency key (the same change planned twice).
    public var duplicates: Int
    /// Older pending jobs of the same profile deleted before they were sent, because the new job
    /// decides what the destination ends up holding (see ``OutboxStore``).
    public var superseded: Int
    /// `destination_state` rows written or deleted.
    public var stateChanges: Int

    public init(enqueued: Int = 0, duplicates: Int = 0, superseded: Int = 0, stateChanges: Int = 0) {
        self.enqueued = enqueued
        self.duplicates = duplicates
        self.superseded = superseded
        self.stateChanges = stateChanges
    }

    public static func + (lhs: EnqueueResult, rhs: EnqueueResult) -> EnqueueResult {
        EnqueueResult(
            enqueued: lhs.enqueued + rhs.enqueued, duplicates: lhs.duplicates + rhs.duplicates,
            superseded: lhs.superseded + rhs.superseded, stateChanges: lhs.stateChanges + rhs.stateChanges)
    }
}

/// What ``OutboxStore/replay(_:now:)`` did.
public struct ReplayResult: Sendable, Hashable {
    /// Dead letters put back in the queue.
    public var replayed: Int
    /// Dead letters whose key a pending job already has (marked replayed, no new job).
    public var alreadyPending: Int
    /// Dead letters left alone because `destination_state` has moved on since (a later plan
    /// changed or removed the profile): sending them now would undo that change.
    public var stale: Int

    public init(replayed: Int = 0, alreadyPending: Int = 0, stale: Int = 0) {
        self.replayed = replayed
        self.alreadyPending = alreadyPending
        self.stale = stale
    }
}
