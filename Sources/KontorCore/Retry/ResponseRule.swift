/// One plugin rule that classifies responses (`http.retry.rules` in a plugin),
/// tried before the built-in defaults.
///
/// A rule matches when every condition it has holds: the status is in
/// `statuses` (any status when empty), the body contains `bodyContains`, and the
/// `when` expression is truthy. In YAML:
///
/// ```yaml
/// rules:
///   - {status: [401, 403], action: fail, failure: config_error, message: "Check the API key and its scopes"}
///   - {status: [400], when: "response.error.code == 80003", action: rate_limited}
///   - {status: [404], body_contains: "Resource not found", action: ignore}
/// ```
public struct ResponseRule: Sendable {
    /// The statuses the rule applies to; empty means any status.
    public var statuses: [Int]
    /// Text the raw body must contain.
    public var bodyContains: String?
    /// A boolean expression over `response` (the JSON body), `headers`, `request_url` and `config`.
    public var when: Expression?
    public var action: ResponseAction
    /// For `fail` (and as a label for `retry`): whose problem it is.
    public var failure: FailureKind?
    /// The message for the run history and the dead-letter entry, over the same variables as `when`.
    public var message: Template?

    public init(
        statuses: [Int] = [], bodyContains: String? = nil, when: Expression? = nil,
        action: ResponseAction, failure: FailureKind? = nil, message: Template? = nil
    ) {
        self.statuses = statuses
        self.bodyContains = bodyContains
        self.when = when
        self.action = action
        self.failure = failure
        self.message = message
    }

    /// The variables `when` and `message` may use.
    public static let expressionScope = ExpressionScope(
        "retry.rules", variables: ["response", "headers", "request_url", "config"]
    )

    /// Whether the rule applies to `response`. An expression that fails to
    /// evaluate counts as not matching, so a broken rule falls through to the defaults.
    public func matches(_ response: HTTPResponseFacts, in context: EvaluationContext) -> Bool {
        if !statuses.isEmpty, !statuses.contains(response.status) { return false }
        if let bodyContains, !response.bodyText.contains(bodyContains) { return false }
        if let when {
            guard let value = try? when.evaluate(in: context), value.isTruthy else { return false }
        }
        return true
    }
}

extension ResponseRule: SchemaDescribed {
    public static let schema: Schema = .object(
        [
            "status": Property(.array(.integer(minimum: 100, maximum: 599)), "HTTP statuses the rule applies to; any when absent"),
            "when": Property(
                .string(format: .expression(expressionScope, boolean: true)),
                "Condition over response, headers, request_url and config"
            ),
            "body_contains": Property(.string(), "Text the response body must contain"),
            "action": .required(
                .string(choices: ResponseAction.allCases.map(\.rawValue)),
                "What to do: success, retry, rate_limited, ignore, fail or refresh_auth"
            ),
            "failure": Property(
                .string(choices: FailureKind.allCases.map(\.rawValue)),
                "Whose problem a failure is: config_error, system_error or transient_error"
            ),
            "message": Property(.string(format: .template(expressionScope)), "Message for the run history"),
        ],
        description: "A response classification rule, tried before the built-in defaults"
    )
}
