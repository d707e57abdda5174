import Foundation

/// What the scheduler did, for logs, `kontor status` and tests.
public enum SchedulerEvent: Sendable, Equatable {
    /// The job's next slot was planned.
    case planned(job: String, slot: Date)
    /// A run started (for `slot`, at the scheduler's `now`).
    case started(job: String, slot: Date, at: Date)
    /// A run ended; `error` is nil on success.
    case finished(job: String, slot: Date, at: Date, error: String?)
    /// The job was due but another owner held its lease.
    case skippedHeld(job: String, at: Date)
}
