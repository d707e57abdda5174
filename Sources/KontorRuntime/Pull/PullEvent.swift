import Foundation
import KontorHTTP

/// Progress of a pull, for a progress bar or plain log lines
/// (`kontor sync`): one event per committed page, per wait and per retry.
public enum PullEvent: Sendable, Hashable {
    /// A stream starts (after its parents, when it has any).
    case streamStarted(stream: String)
    /// A page was committed: its records (after filters), the new and the duplicate messages.
    case pageCommitted(stream: String, partition: String, records: Int, inserted: Int, duplicates: Int)
    /// A request waits: the server's rate limit, the instance's budget, or backoff before a retry.
    case waiting(stream: String, seconds: TimeInterval, reason: RequestEvent.WaitReason)
    /// An attempt failed and is retried.
    case retrying(stream: String, status: Int?, message: String)
    /// A stream finished with this many records.
    case streamFinished(stream: String, records: Int)
}
