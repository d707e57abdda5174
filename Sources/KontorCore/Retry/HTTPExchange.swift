/// What the classifier knows about one HTTP attempt: the response, or the
/// transport failure that prevented one.
public enum HTTPExchange: Sendable, Hashable {
    case response(HTTPResponseFacts)
    /// No response: connection refused or reset, DNS failure, TLS failure, timeout.
    case transportFailure(TransportFailure)
}

/// The parts of an HTTP response that classification rules look at.
public struct HTTPResponseFacts: Sendable, Hashable {
    public var status: Int
    /// Response headers; names are matched case-insensitively.
    public var headers: [String: String]
    /// The body as text (for `body_contains`).
    public var bodyText: String
    /// The body parsed as JSON, when it is JSON (the `response` variable of `when` rules).
    public var body: JSONValue?
    /// The URL that was requested (the `request_url` variable).
    public var requestURL: String

    public init(
        status: Int, headers: [String: String] = [:], bodyText: String = "", body: JSONValue? = nil,
        requestURL: String = ""
    ) {
        self.status = status
        self.headers = headers
        self.bodyText = bodyText
        self.body = body
        self.requestURL = requestURL
    }

    /// The value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.value(forHeader: name)
    }
}

/// Why an HTTP attempt produced no response.
public struct TransportFailure: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case timeout
        case connection
        case tls
        case other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

extension [String: String] {
    /// The value of header `name`, compared case-insensitively.
    func value(forHeader name: String) -> String? {
        if let exact = self[name] { return exact }
        let lowered = name.lowercased()
        return first { $0.key.lowercased() == lowered }?.value
    }
}
