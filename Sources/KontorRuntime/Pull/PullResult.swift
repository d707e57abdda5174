import Foundation
import KontorCore
import KontorStore

/// What a pull did: counts, duration and the cursors it left behind.
public struct PullResult: Sendable, Hashable {
    /// The counts of one stream.
    public struct StreamCounts: Sendable, Hashable {
        /// Records kept after filters and client-side incremental filtering.
        public var records = 0
        /// Messages written to the event log.
        public var messages = 0
        /// Messages the event log already held (a re-read record).
        public var duplicates = 0
        public var pages = 0
        /// Request attempts repeated after a retryable or rate-limited response.
        public var retries = 0
        /// Waits before requests (server rate limits, own budget, backoff).
        public var waits = 0
        public var waitedSeconds: TimeInterval = 0

        public init() {}

        mutating func add(_ other: StreamCounts) {
            records += other.records
            messages += other.messages
            duplicates += other.duplicates
            pages += other.pages
            retries += other.retries
            waits += other.waits
            waitedSeconds += other.waitedSeconds
        }
    }

    public var source: String
    /// The run in the run history, when one was recorded.
    public var runID: RunID?
    /// Per stream, in the order they ran.
    public var streams: [String: StreamCounts]
    public var streamOrder: [String]
    /// Seconds on the runner's clock from start to end.
    public var duration: TimeInterval
    /// The stored state of each stream partition after the run: stream → partition (`""` when unpartitioned) → state.
    public var cursors: [String: [String: JSONValue]]

    public init(source: String, runID: RunID? = nil, streams: [String: StreamCounts] = [:], streamOrder: [String] = [],
                duration: TimeInterval = 0, cursors: [String: [String: JSONValue]] = [:]) {
        self.source = source
        self.runID = runID
        self.streams = streams
        self.streamOrder = streamOrder
        self.duration = duration
        self.cursors = cursors
    }

    /// The counts of all streams together.
    public var total: StreamCounts {
        var total = StreamCounts()
        for counts in streams.values { total.add(counts) }
        return total
    }

    /// The counts as the run history stores them.
    public var historyCounts: [String: Int] {
        let total = total
        return [
            "records": total.records, "messages": total.messages, "duplicates": total.duplicates, "pages": total.pages,
            "retries": total.retries, "waits": total.waits, "streams": streams.count,
        ]
    }
}
