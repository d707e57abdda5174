import Foundation
import KontorCore
import KontorHTTP

/// One ``KontorHTTP/RateLimiter`` per account: every destination (and source)
/// that uses the same plugin with the same credentials shares one rate budget.
///
/// The account is the plugin and the values of its `secret` settings (API keys,
/// tokens): two Mailchimp destinations with one key and two lists share a budget.
/// A plugin without secret settings is keyed by all its settings.
///
/// ```swift
/// let pool = RateLimiterPool()
/// let limiter = try await pool.limiter(plugin: plugin, settings: destination.settings)
/// ```
public actor RateLimiterPool {
    private var limiters: [String: RateLimiter] = [:]

    public init() {}

    /// The limiter of the account `plugin` + `settings` name, made on first use from `http.rate_limits`.
    public func limiter(plugin: PluginDefinition, settings: JSONValue) throws(ActivationError) -> RateLimiter {
        let key = Self.account(plugin: plugin, settings: settings)
        if let limiter = limiters[key] { return limiter }
        let limiter: RateLimiter
        do {
            limiter = try RateLimiter(plugin.http?.rateLimits ?? [])
        } catch {
            throw ActivationError(.plugin, "plugin '\(plugin.name)': http.rate_limits: \(error)")
        }
        limiters[key] = limiter
        return limiter
    }

    /// `<plugin>` + a hash of the secret settings (or of all settings when the plugin declares none).
    static func account(plugin: PluginDefinition, settings: JSONValue) -> String {
        let secrets = plugin.spec.filter { $0.value.isSecret }.keys
        var credentials: [String: JSONValue] = [:]
        for name in secrets { credentials[name] = settings[name] ?? .null }
        let identity = credentials.isEmpty ? settings : .object(credentials)
        return plugin.name + "\u{1F}" + PayloadHash.of(identity)
    }
}
