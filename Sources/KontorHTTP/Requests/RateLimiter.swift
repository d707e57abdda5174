import Foundation
import KontorCore

/// The rate budgets of one source or destination instance (one account):
/// one ``RateBudget`` per `http.rate_limits` rule, shared by every stream and
/// action of the instance, so that together they stay within the API's limits.
///
/// ```swift
/// let limiter = try RateLimiter(plugin.http?.rateLimits ?? [])
/// let at = await limiter.reserve(method: "GET", path: "/admin/customers.json", now: clock.now)
/// try await clock.sleep(until: at)
/// ```
public actor RateLimiter {
    private let rules: [RateLimitRule]
    private var budgets: [RateBudget]
    /// A wait the server demanded (`Retry-After` on a 429), for routes no rule matches.
    private var blockedUntil: Date?

    public init(rules: [RateLimitRule]) {
        self.rules = rules
        budgets = rules.map { RateBudget(limits: $0.limits) }
    }

    /// The budgets of a plugin's `http.rate_limits`.
    public init(_ limits: [PluginRateLimit]) throws(RateLimitError) {
        var rules: [RateLimitRule] = []
        for limit in limits {
            var specs: [RateLimitSpec] = []
            for text in limit.limits { specs.append(try RateLimitSpec(parsing: text)) }
            rules.append(try RateLimitRule(method: limit.match?.method, path: limit.match?.path, limits: specs))
        }
        self.init(rules: rules)
    }

    /// Reserves a request: the time, not before `now`, at which it may be sent.
    public func reserve(method: String, path: String, now: Date) -> Date {
        let matching = indices(method: method, path: path)
        var time = max(now, blockedUntil ?? now)
        for index in matching { time = max(time, budgets[index].earliest(now: now)) }
        for index in matching { budgets[index].commit(at: time) }
        return time
    }

    /// The server demanded no request before `until`: every matching budget waits.
    public func penalize(method: String, path: String, until: Date) {
        let matching = indices(method: method, path: path)
        if matching.isEmpty { blockedUntil = max(blockedUntil ?? until, until) }
        for index in matching { budgets[index].penalize(until: until) }
    }

    /// A 429: matching budgets slow down.
    public func recordRateLimited(method: String, path: String) {
        for index in indices(method: method, path: path) { budgets[index].recordRateLimited() }
    }

    /// A success: matching budgets win back some of their rate.
    public func recordSuccess(method: String, path: String) {
        for index in indices(method: method, path: path) { budgets[index].recordSuccess() }
    }

    private func indices(method: String, path: String) -> [Int] {
        rules.indices.filter { rules[$0].matches(method: method, path: path) }
    }
}
