import Foundation

/// Which jobs `kontor queue replay` and `kontor queue purge` act on.
///
/// ```swift
/// OutboxFilter(destination: "newsletter", state: .dead, since: monday, errorContains: "looks fake")
/// ```
public struct OutboxFilter: Sendable, Hashable {
    public var destination: String
    public var state: OutboxJobState
    /// Dead jobs that died at or after this instant; pending jobs enqueued at or after it.
    public var since: Date?
    /// Jobs whose last error contains this text (ignoring case).
    public var errorContains: String?

    public init(destination: String, state: OutboxJobState = .dead, since: Date? = nil, errorContains: String? = nil) {
        self.destination = destination
        self.state = state
        self.since = since
        self.errorContains = errorContains
    }
}
