/// The limits of one route of an API (`http.rate_limits` in a plugin):
/// `{match: {method: GET, path: "^/api/campaigns"}, limits: ["10/1s", "150/1m"]}`.
///
/// A rule without `match` applies to every request. Every rule that matches a
/// request applies to it, so a global limit and a stricter per-route limit
/// combine. Each rule has one ``RateBudget`` per connector instance, shared by
/// all its streams and actions.
public struct RateLimitRule: Sendable {
    /// The HTTP method, compared case-insensitively; any when `nil`.
    public let method: String?
    /// A regular expression searched for in the request path; any path when `nil`.
    public let pathPattern: String?
    public let limits: [RateLimitSpec]
    private let pathRegex: PathPattern?

    /// - Throws: `RateLimitError` when `path` is not a valid regular expression.
    public init(method: String? = nil, path: String? = nil, limits: [RateLimitSpec]) throws(RateLimitError) {
        self.method = method
        pathPattern = path
        self.limits = limits
        pathRegex = try path.map { pattern throws(RateLimitError) in try PathPattern(pattern) }
    }

    /// Whether the rule applies to a request.
    public func matches(method: String, path: String) -> Bool {
        if let expected = self.method, expected.uppercased() != method.uppercased() { return false }
        if let pathRegex, !pathRegex.isFound(in: path) { return false }
        return true
    }
}

extension RateLimitRule: SchemaDescribed {
    public static let schema: Schema = .object(
        [
            "match": Property(
                .object([
                    "method": Property(
                        .string(choices: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]), "HTTP method; any when absent"
                    ),
                    "path": Property(.string(format: .regex), "Regular expression searched for in the request path"),
                ]),
                "Which requests the limits apply to; all when absent"
            ),
            "limits": .required(
                .array(.string(format: .rateLimit), minItems: 1),
                "Limits that must all allow a request, e.g. [\"10/1s\", \"150/1m\"]"
            ),
        ],
        description: "Rate limits of a route, shared by every stream and action of one connector instance"
    )
}
