/// One misbehaviour an emulator can inject, rendered in the emulated API's own dialect.
///
/// A `.rateLimited` fault on Shopify is a 429 with `Retry-After: 2.0` and Shopify's `errors` body;
/// on Meta it is an HTTP 400 Graph error with code 4; each emulator decides what its API sends.
public enum Fault: Sendable, Hashable, CustomStringConvertible {
    /// The API's throttling response (status, headers and body as the API sends them).
    case rateLimited
    /// A server error with this status (500, 502, 503, 504…), with the API's error body.
    case serverError(status: Int)
    /// Wait this many seconds (on the emulator's clock) before answering normally.
    case delay(seconds: Double)
    /// Answer normally but cut the body in half, so the JSON does not parse.
    case truncatedBody
    /// Answer as if the credential were wrong (the API's 401, or its equivalent).
    case unauthorized

    public var description: String {
        switch self {
        case .rateLimited: return "rate_limited"
        case .serverError(let status): return "server_error_\(status)"
        case .delay(let seconds): return "delay_\(seconds)s"
        case .truncatedBody: return "truncated_body"
        case .unauthorized: return "unauthorized"
        }
    }
}

/// Which requests a ``FaultRule`` hits. Request numbers count the requests that match the rule's
/// endpoint filter, starting at 1, so `.requests([3])` on `"orders"` is the third orders request.
public enum FaultTrigger: Sendable, Hashable {
    /// Exactly these request numbers.
    case requests(Set<Int>)
    /// Every `n`th request (n, 2n, 3n…).
    case everyNth(Int)
    /// A deterministic share of requests in `0...1`, chosen by hashing the request number with the plan's seed.
    case share(Double)
    /// Every request.
    case always
}

/// A fault, when it fires, and (optionally) on which endpoint and how many times at most.
public struct FaultRule: Sendable, Hashable {
    public var fault: Fault
    public var trigger: FaultTrigger
    /// The endpoint name (as listed in the emulator's docs, e.g. `"customers"`), or nil for all.
    public var endpoint: String?
    /// Stop firing after this many injections; nil for no limit.
    public var limit: Int?

    public init(_ fault: Fault, on trigger: FaultTrigger, endpoint: String? = nil, limit: Int? = nil) {
        self.fault = fault
        self.trigger = trigger
        self.endpoint = endpoint
        self.limit = limit
    }
}
