import Foundation

/// Classifies each HTTP exchange into a ``ResponseAction``: the plugin's rules
/// first, in order, then the built-in defaults (Airbyte's `DEFAULT_ERROR_MAPPING`).
///
/// Built-in defaults:
///
/// | exchange | action | failure |
/// |---|---|---|
/// | 2xx | success | |
/// | 429 | rate_limited | transient_error |
/// | 408, 5xx | retry | transient_error |
/// | 401 | refresh_auth (once; then `fail`, see ``RetryState``) | config_error |
/// | 403 | fail | config_error |
/// | other 4xx, 1xx, 3xx | fail | system_error |
/// | timeout, connection or TLS failure | retry | transient_error |
///
/// ```swift
/// let classifier = ResponseClassifier(rules: plugin.http.retry.rules)
/// let result = classifier.classify(.response(facts), config: config, now: clock.now)
/// ```
public struct ResponseClassifier: Sendable {
    /// The plugin's rules, tried in order before the defaults.
    public var rules: [ResponseRule]

    public init(rules: [ResponseRule] = []) {
        self.rules = rules
    }

    /// The action for one exchange. `config` is the connector's settings (the
    /// `config` variable of rules); `now` feeds `now_utc()` in expressions.
    public func classify(_ exchange: HTTPExchange, config: JSONValue = .null, now: Date) -> ResponseClassification {
        switch exchange {
        case let .transportFailure(failure): Self.builtIn(for: failure)
        case let .response(response): classify(response, config: config, now: now)
        }
    }

    private func classify(_ response: HTTPResponseFacts, config: JSONValue, now: Date) -> ResponseClassification {
        let context = Self.context(for: response, config: config, now: now)
        for (index, rule) in rules.enumerated() where rule.matches(response, in: context) {
            let fallback = Self.builtIn(status: response.status)
            var message = fallback.message
            if let template = rule.message, let rendered = try? template.render(in: context) {
                message = rendered.stringValue ?? "\(rendered)"
            }
            return ResponseClassification(
                action: rule.action,
                failure: rule.failure ?? Self.defaultFailure(for: rule.action, fallback: fallback.failure),
                message: message,
                source: .rule(index)
            )
        }
        return Self.builtIn(status: response.status)
    }

    /// The variables rules see: `response`, `headers`, `request_url`, `config`.
    public static func context(for response: HTTPResponseFacts, config: JSONValue, now: Date) -> EvaluationContext {
        var headers: [String: JSONValue] = [:]
        for (name, value) in response.headers {
            headers[name] = .string(value)
            headers[name.lowercased()] = .string(value)
        }
        return EvaluationContext(
            variables: [
                "response": response.body ?? .string(response.bodyText),
                "headers": .object(headers),
                "request_url": .string(response.requestURL),
                "config": config,
            ],
            now: now
        )
    }

    private static func defaultFailure(for action: ResponseAction, fallback: FailureKind?) -> FailureKind? {
        switch action {
        case .success, .ignore: nil
        case .retry, .rateLimited: .transientError
        case .refreshAuth: .configError
        case .fail: fallback == .transientError || fallback == nil ? .systemError : fallback
        }
    }
}
