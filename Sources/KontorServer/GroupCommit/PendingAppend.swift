import KontorCore
import KontorStore

/// One request's messages waiting for the group commit, and how to wake the request.
struct PendingAppend: Sendable {
    var messages: [Message]
    var source: String
    var continuation: CheckedContinuation<AppendResult, any Error>
}
