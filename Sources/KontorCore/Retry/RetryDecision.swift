import Foundation

/// What the HTTP runtime or a delivery worker does after one attempt.
public enum RetryDecision: Sendable, Hashable {
    /// Finished: the response is used (`success`) or skipped (`ignore`).
    case done
    /// Try again after this many seconds.
    case retryAfter(TimeInterval)
    /// Refresh the credentials, then try again at once.
    case refreshAuthAndRetry
    /// Stop; the request failed for good (a sync fails, an outbox job goes to the dead letters).
    case giveUp(GiveUpReason)
}

/// Why retrying stopped.
public struct GiveUpReason: Sendable, Hashable, CustomStringConvertible {
    public var failure: FailureKind
    public var message: String

    public init(_ failure: FailureKind, _ message: String) {
        self.failure = failure
        self.message = message
    }

    /// `config_error: HTTP 403: access denied; …`
    public var description: String { "\(failure.rawValue): \(message)" }
}
