import Foundation
import KontorCore

/// What a worker does with one claimed job after an attempt: the
/// ``KontorCore/DeliveryDecision`` for it, with its bookkeeping.
///
/// Settlements of a whole batch are written in one transaction
/// (``OutboxStore/settle(_:owner:now:)``), so a batch of 500 costs one commit.
///
/// ```swift
/// let attempts = job.attempts.recording(attemptAt: now)
/// let decision = policy.decide(outcome, attempts: attempts, now: now, using: &random)
/// settlements.append(OutboxSettlement(jobID: job.id, decision: decision, attempts: attempts, error: outcome.failureText))
/// ```
public struct OutboxSettlement: Sendable, Hashable {
    public var jobID: Int64
    /// `done` deletes the job; `retry(at:)` returns it to the queue, due then; `deadLetter` moves it to the dead letters.
    public var decision: DeliveryDecision
    /// The job's bookkeeping **including** the attempt just made; `nil` leaves it as stored
    /// (a job handed back without an attempt).
    public var attempts: DeliveryAttempts?
    /// Why the attempt failed (stored as `last_error` on a retry).
    public var error: String?

    public init(jobID: Int64, decision: DeliveryDecision, attempts: DeliveryAttempts? = nil, error: String? = nil) {
        self.jobID = jobID
        self.decision = decision
        self.attempts = attempts
        self.error = error
    }

    /// Delivered: remove the job.
    public static func done(_ jobID: Int64) -> OutboxSettlement {
        OutboxSettlement(jobID: jobID, decision: .done)
    }
}

/// How many settlements a store applied.
public struct SettleResult: Sendable, Hashable {
    public var done = 0
    public var retried = 0
    public var deadLettered = 0
    /// Settlements for jobs the owner no longer holds (its lease ended and another
    /// worker claimed the job, or the job was purged): nothing was changed for them.
    public var skipped = 0

    public init(done: Int = 0, retried: Int = 0, deadLettered: Int = 0, skipped: Int = 0) {
        self.done = done
        self.retried = retried
        self.deadLettered = deadLettered
        self.skipped = skipped
    }
}
