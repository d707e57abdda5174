import Foundation
import KontorHTTP

/// How a ``SourceRunner`` reaches the API, beyond what the plugin says.
public struct PullOptions: Sendable {
    /// Replaces the plugin's `http.base_url` (a source's `base_url:` in
    /// `connectors.yaml`, a proxy, or an emulator in tests).
    public var baseURL: String?
    /// Per-request timeout when the plugin sets none.
    public var timeout: Duration
    /// Seeds backoff jitter, for reproducible tests; random when `nil`.
    public var jitterSeed: UInt64?
    /// Further values to hide in messages (the config loader's `${secret:…}` values).
    public var secrets: [String]
    /// The account's rate budgets, when shared with other runners or destinations
    /// of the same account (a `RateLimiterPool`); made from `http.rate_limits` when `nil`.
    public var limiter: RateLimiter?

    public init(
        baseURL: String? = nil, timeout: Duration = .seconds(30), jitterSeed: UInt64? = nil, secrets: [String] = [],
        limiter: RateLimiter? = nil
    ) {
        self.limiter = limiter
        self.baseURL = baseURL
        self.timeout = timeout
        self.jitterSeed = jitterSeed
        self.secrets = secrets
    }
}
