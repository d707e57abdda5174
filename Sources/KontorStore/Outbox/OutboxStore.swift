import Foundation
import KontorCore

/// The durable delivery queue: `outbox` jobs, the `destination_state` they
/// were planned against, and the `dead_letters`.
///
/// - Planning commits its jobs with the state it read, in one transaction
///   (``commitPlan(destination:now:planning:)``): a crash loses both or neither.
/// - Workers ``claim(destination:owner:limit:leaseFor:now:)`` due jobs with a lease; a
///   lease that ends (a crashed worker) makes the jobs claimable again. Per profile,
///   jobs are claimed in enqueue order: a job waits while an older job of the same
///   profile and destination is pending, so an `add` can never overtake a `remove`.
/// - After an attempt, workers ``settle(_:owner:now:)`` the jobs: delivered jobs are
///   deleted, failed ones wait for a retry or move to the dead letters.
/// - ``release(owner:)`` hands leases back at graceful shutdown.
/// - Idempotency keys are unique among pending jobs: the same change planned twice
///   is enqueued once; the same key may come back once the first job has finished.
/// - A new job of a profile supersedes that profile's older pending jobs that no worker
///   holds: they are deleted unsent, since every operation sets what the destination ends
///   up holding and the newest one decides it. An `update` that supersedes an unsent `add`
///   becomes an `add`.
///
/// Times come from the caller's clock; the store never reads the wall clock for them.
///
/// ```swift
/// let result = try await outbox.commitPlan(destination: "newsletter", now: now) { known in
///     ActivationPlanner(destination: "newsletter", mode: .mirror).plan(desired: members, known: known)
/// }
/// let jobs = try await outbox.claim(destination: "newsletter", owner: worker, limit: 500, leaseFor: 300, now: now)
/// _ = try await outbox.settle(jobs.map { .done($0.id) }, owner: worker, now: now)
/// ```
public protocol OutboxStore: Sendable {
    /// Reads the destination's state, lets `planning` turn it into a plan, and writes the
    /// plan's jobs and state changes, all in one transaction. Returns the plan and what was written.
    /// An error thrown by `planning` rolls everything back and is rethrown.
    func commitPlan(
        destination: String, now: Date, planning: @Sendable ([DestinationStateEntry]) throws -> ActivationPlan
    ) async throws -> (plan: ActivationPlan, result: EnqueueResult)

    /// The `destination_state` rows of a destination, sorted by profile id.
    func destinationState(destination: String) async throws(StoreError) -> [DestinationStateEntry]

    /// Leases up to `limit` due jobs of `destination` to `owner` for `leaseFor` seconds and returns them,
    /// oldest due first. Due: pending, `nextAttemptAt <= now`, not leased (or the lease ended at or
    /// before `now`), and no older pending job of the same profile. Throws `.invalidArgument` for an
    /// empty owner, a limit below 1 or a lease that is not positive.
    func claim(destination: String, owner: String, limit: Int, leaseFor: TimeInterval, now: Date)
        async throws(StoreError) -> [OutboxJob]

    /// Applies the decisions for jobs `owner` holds, in one transaction: `done` deletes the job,
    /// `retry(at:)` stores the attempts and error and makes it due at that time (lease returned),
    /// `deadLetter` moves it to the dead letters with the reason. Jobs `owner` does not hold
    /// (any more) are skipped.
    func settle(_ settlements: [OutboxSettlement], owner: String, now: Date) async throws(StoreError) -> SettleResult

    /// Returns every lease `owner` holds, unchanged otherwise (graceful shutdown). Returns how many.
    func release(owner: String) async throws(StoreError) -> Int

    /// Jobs in `state`, for one destination or all; pending jobs by due time, dead ones newest first.
    func list(destination: String?, state: OutboxJobState, limit: Int) async throws(StoreError) -> [OutboxJob]

    /// Moves the dead letters `filter` selects back to pending, due at `now`, with attempts and
    /// window started again (``KontorCore/DeliveryAttempts/replayed(at:)``), keeping payload and key.
    /// A dead letter whose key a pending job already has is marked replayed without a new job.
    /// A stale one (the destination state no longer matches it: the profile changed or was
    /// removed since) stays dead. `filter.state` must be `.dead`.
    func replay(_ filter: OutboxFilter, now: Date) async throws(StoreError) -> ReplayResult

    /// Deletes the jobs (pending) or dead letters (dead) `filter` selects; `destination_state`
    /// is not changed. Returns how many were deleted.
    func purge(_ filter: OutboxFilter) async throws(StoreError) -> Int

    /// Queue counts per destination that has pending jobs or dead letters, sorted by destination.
    func outboxCounts(now: Date) async throws(StoreError) -> [OutboxCounts]

    /// Per destination that ever had a job settled `done`: how many, and when the last one was
    /// (the `now` of its ``settle(_:owner:now:)``), sorted by destination.
    func deliveryTotals() async throws(StoreError) -> [DeliveryTotals]
}

extension OutboxStore {
    /// Marks delivered jobs done (deletes them).
    @discardableResult
    public func complete(_ jobIDs: [Int64], owner: String, now: Date) async throws(StoreError) -> SettleResult {
        try await settle(jobIDs.map(OutboxSettlement.done), owner: owner, now: now)
    }

    /// Returns a job to the queue, due at `at`, with its attempts and the error of the failed attempt.
    @discardableResult
    public func retry(
        _ jobID: Int64, owner: String, at: Date, attempts: DeliveryAttempts, error: String, now: Date
    ) async throws(StoreError) -> SettleResult {
        try await settle(
            [OutboxSettlement(jobID: jobID, decision: .retry(at: at), attempts: attempts, error: error)],
            owner: owner, now: now)
    }

    /// Moves a job to the dead letters with `reason`.
    @discardableResult
    public func deadLetter(
        _ jobID: Int64, owner: String, reason: String, attempts: DeliveryAttempts? = nil, now: Date
    ) async throws(StoreError) -> SettleResult {
        try await settle(
            [OutboxSettlement(jobID: jobID, decision: .deadLetter(reason: reason), attempts: attempts)],
            owner: owner, now: now)
    }

    /// The counts of one destination (zeros when it has no jobs).
    public func outboxCounts(destination: String, now: Date) async throws(StoreError) -> OutboxCounts {
        try await outboxCounts(now: now).first { $0.destination == destination } ?? OutboxCounts(destination: destination)
    }
}
