import Foundation
import KontorStore

/// One thing that went wrong lately, as the admin API and the status page list it:
/// a failed run (a pull, a delivery run, a job) or a delivery that ended in the dead letters.
///
/// The texts come from the run history and the outbox, which store errors
/// already free of secrets; the status page escapes them.
public struct RecentError: Codable, Sendable, Hashable {
    /// `run` or `dead_letter`.
    public var kind: String
    /// The source, destination or job name.
    public var subject: String
    /// When it happened (the run's end, or when the job was given up).
    public var at: Date
    public var message: String

    public init(kind: String, subject: String, at: Date, message: String) {
        self.kind = kind
        self.subject = subject
        self.at = at
        self.message = message
    }

    /// The newest `limit` failed runs and dead letters, newest first.
    public static func read(from store: any RunHistory & OutboxStore, limit: Int) async throws(StoreError) -> [RecentError] {
        let runs = try await store.recentRuns(name: nil, limit: max(limit * 5, 50))
            .filter { $0.status == .failed }
            .map { run in
                RecentError(
                    kind: "run", subject: run.name, at: run.finishedAt ?? run.startedAt,
                    message: "\(run.kind.rawValue) failed: \(run.error ?? "no reason recorded")")
            }
        let dead = try await store.list(destination: nil, state: .dead, limit: limit).map { job in
            RecentError(
                kind: "dead_letter", subject: job.destination, at: job.deadAt ?? job.lastAttemptAt ?? job.enqueuedAt,
                message: "\(job.operation.rawValue) for \(job.profileID) gave up after \(job.attempts.count) attempts: "
                    + (job.lastError ?? "no reason recorded"))
        }
        return Array((runs + dead).sorted { $0.at > $1.at }.prefix(limit))
    }
}
