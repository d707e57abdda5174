/// The `http.retry` section: how many times and how long to retry, how long
/// to wait, and how each response is classified.
///
/// Without rules, the built-in fallback applies (429 rate limited, 408/5xx
/// retry, 401/403 config error, other 4xx fail).
///
/// ```yaml
/// retry:
///   max_retries: 5
///   backoff: [{type: header_seconds, header: Retry-After, max: 1h}, {type: exponential, factor: 2s}]
///   rules: [{status: [401, 403], action: fail, failure: config_error, message: "Check the access token"}]
/// ```
public struct PluginRetryPolicy: Sendable, Decodable, SchemaDescribed {
    public var maxRetries: Int?
    public var maxTime: String?
    public var backoff: [PluginBackoff]?
    public var rules: [PluginResponseRule]?

    enum CodingKeys: String, CodingKey {
        case maxRetries = "max_retries", maxTime = "max_time", backoff, rules
    }

    public static let schema: Schema = .object([
        "max_retries": .init(.integer(minimum: 0), "Retries per request", default: 5),
        "max_time": .init(.duration, "Give up after this long", default: "10m"),
        "backoff": .init(.array(PluginBackoff.schema), "Wait strategies, first that yields a wait wins"),
        "rules": .init(.array(PluginResponseRule.schema), "Response classification, first match wins"),
    ], description: "Retry and response classification")
}

/// How long to wait before the next attempt.
public enum PluginBackoff: Sendable, Decodable, SchemaDescribed {
    /// Seconds in a header (`Retry-After: 2.0`), optionally extracted by a regex.
    case headerSeconds(header: String, regex: String?, max: String?)
    /// An absolute time in a header (epoch seconds), e.g. `X-RateLimit-Reset`.
    case headerUntil(header: String, min: String?, max: String?)
    /// `factor × 2^attempt` with full jitter.
    case exponential(factor: String?, max: String?)
    case constant(wait: String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PluginCodingKey.self)
        func optional(_ key: String) throws -> String? { try container.decodeIfPresent(String.self, forKey: PluginCodingKey(key)) }
        func required(_ key: String) throws -> String { try container.decode(String.self, forKey: PluginCodingKey(key)) }
        switch try decoder.pluginDiscriminator() {
        case "header_seconds":
            self = .headerSeconds(header: try required("header"), regex: try optional("regex"), max: try optional("max"))
        case "header_until":
            self = .headerUntil(header: try required("header"), min: try optional("min"), max: try optional("max"))
        case "exponential": self = .exponential(factor: try optional("factor"), max: try optional("max"))
        default: self = .constant(wait: try required("wait"))
        }
    }

    public static let schema: Schema = .tagged(discriminator: "type", variants: [
        "header_seconds": ObjectSchema([
            "header": .required(.string(), "e.g. Retry-After"),
            "regex": .init(.string(format: .regex), "Extracts the number from the header"),
            "max": .init(.duration, "Longest wait honoured"),
        ]),
        "header_until": ObjectSchema([
            "header": .required(.string(), "e.g. X-RateLimit-Reset (epoch seconds)"),
            "min": .init(.duration), "max": .init(.duration),
        ]),
        "exponential": ObjectSchema([
            "factor": .init(.duration, "Base wait", default: "5s"), "max": .init(.duration, "Cap"),
        ]),
        "constant": ObjectSchema(["wait": .required(.duration)]),
    ])
}

/// One response classification rule as written in a plugin; `compiled()`
/// gives the runtime's `ResponseRule`. The YAML shape is `ResponseRule.schema`.
public struct PluginResponseRule: Sendable, Decodable, SchemaDescribed {
    public var status: [Int]?
    /// A bare boolean expression over `response`, `headers`, `request_url`, `config`.
    public var when: String?
    public var bodyContains: String?
    public var action: ResponseAction
    public var failure: FailureKind?
    /// A template over the same variables.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case status, when, bodyContains = "body_contains", action, failure, message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeIfPresent([Int].self, forKey: .status)
        when = try c.decodeIfPresent(String.self, forKey: .when)
        bodyContains = try c.decodeIfPresent(String.self, forKey: .bodyContains)
        let actionName = try c.decode(String.self, forKey: .action)
        guard let action = ResponseAction(rawValue: actionName) else {
            throw DecodingError.dataCorruptedError(forKey: .action, in: c, debugDescription: "unknown action '\(actionName)'")
        }
        self.action = action
        failure = try c.decodeIfPresent(String.self, forKey: .failure).flatMap(FailureKind.init(rawValue:))
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }

    /// The runtime rule, with `when` and `message` parsed.
    public func compiled() throws(ExpressionError) -> ResponseRule {
        ResponseRule(
            statuses: status ?? [],
            bodyContains: bodyContains,
            when: try when.map { text throws(ExpressionError) in try Expression(parsing: text) },
            action: action,
            failure: failure,
            message: try message.map { text throws(ExpressionError) in try Template(parsing: text) }
        )
    }

    public static var schema: Schema { ResponseRule.schema }
}

/// A rate limit as written in a plugin; `compiled()` gives the runtime's
/// `RateLimitRule`. The YAML shape is `RateLimitRule.schema`.
public struct PluginRateLimit: Sendable, Decodable, SchemaDescribed {
    public struct Match: Sendable, Decodable {
        public var method: String?
        public var path: String?
    }

    public var match: Match?
    /// `"N/duration"` strings, e.g. `["2/1s", "40/20s"]`; all must allow a request.
    public var limits: [String]

    /// The runtime rule, with the limits and the path regex parsed.
    public func compiled() throws(RateLimitError) -> RateLimitRule {
        var specs: [RateLimitSpec] = []
        for limit in limits {
            specs.append(try RateLimitSpec(parsing: limit))
        }
        return try RateLimitRule(method: match?.method, path: match?.path, limits: specs)
    }

    public static var schema: Schema { RateLimitRule.schema }
}
