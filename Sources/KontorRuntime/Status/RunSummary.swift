import Foundation
import KontorStore

/// One run of a source as a ``StatusReport`` shows it: when, how it ended, what it counted.
public struct RunSummary: Codable, Sendable, Hashable {
    public var startedAt: Date
    public var finishedAt: Date?
    /// `running`, `succeeded`, `failed` or `cancelled`.
    public var result: String
    /// Records read (0 while running or when the run did not count them).
    public var records: Int
    /// Messages written to the event log.
    public var messages: Int
    /// Every counter of the run, e.g. `pages`, `retries`, `bad_rows`.
    public var counts: [String: Int]
    /// Why the run failed, free of secrets.
    public var error: String?

    public init(
        startedAt: Date, finishedAt: Date? = nil, result: String, records: Int = 0, messages: Int = 0,
        counts: [String: Int] = [:], error: String? = nil
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.result = result
        self.records = records
        self.messages = messages
        self.counts = counts
        self.error = error
    }

    /// The summary of a run history entry.
    public init(_ run: RunRecord) {
        self.init(
            startedAt: run.startedAt, finishedAt: run.finishedAt, result: run.status.rawValue,
            records: run.counts["records"] ?? 0, messages: run.counts["messages"] ?? 0, counts: run.counts,
            error: run.error)
    }
}
