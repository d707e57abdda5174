/// What to do with an HTTP response: the closed set every response is
/// classified into (Airbyte's `ResponseAction`, minus the pagination-specific ones).
public enum ResponseAction: String, Sendable, Hashable, CaseIterable {
    /// Use the response.
    case success
    /// Try the same request again after a backoff.
    case retry
    /// The API's rate limit was hit: wait (for the server's `Retry-After` if any) and try again.
    case rateLimited = "rate_limited"
    /// Skip the response without failing (e.g. a 404 for a record deleted meanwhile).
    case ignore
    /// Stop: the request cannot succeed by repeating it.
    case fail
    /// Refresh the credentials (OAuth token, session) once and try again.
    case refreshAuth = "refresh_auth"
}

/// Whose problem a failure is, so that the run history, alerts and the
/// dead-letter queue can say whether the user, Kontor or the remote side must act.
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// The configuration is wrong (bad credentials, missing scope, unknown list id): the user must act.
    case configError = "config_error"
    /// An unexpected response Kontor or the plugin does not handle.
    case systemError = "system_error"
    /// The remote side is temporarily unavailable; retrying later may succeed.
    case transientError = "transient_error"
}
