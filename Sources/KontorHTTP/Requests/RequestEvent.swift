import Foundation

/// Something a request did on its way that a progress display or the run
/// statistics care about.
public enum RequestEvent: Sendable, Hashable {
    /// Why a request waited.
    public enum WaitReason: String, Sendable, Hashable {
        /// The server said so (429 with `Retry-After`, a reset header, a full leaky bucket).
        case rateLimited = "rate_limited"
        /// The instance's own rate budget (`http.rate_limits`).
        case budget
        /// Backoff before retrying a failed attempt.
        case backoff
    }

    /// The request waits `seconds` before its next attempt.
    case waiting(seconds: TimeInterval, reason: WaitReason)
    /// An attempt failed and will be retried; `status` is `nil` for a transport failure.
    case retrying(status: Int?, message: String)
    /// The credentials were refused and renewed.
    case refreshedAuth
}
