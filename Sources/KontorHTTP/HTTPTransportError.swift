/// Why a request got no HTTP response. Never contains header values or bodies,
/// so no credential can leak through an error message.
public struct HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// No response within the timeout.
        case timeout
        /// The connection could not be made (refused, DNS, TLS).
        case connect
        /// The response body was larger than the configured cap.
        case responseTooLarge
        /// The URL could not be parsed.
        case invalidURL
        /// Anything else the client reported.
        case other
    }

    public var kind: Kind
    public var method: String
    /// The URL without its query string (queries may carry api keys).
    public var url: String
    public var detail: String

    public init(kind: Kind, method: String, url: String, detail: String) {
        self.kind = kind
        self.method = method
        self.url = HTTPTransportError.stripQuery(url)
        self.detail = detail
    }

    /// Transport failures worth retrying: timeouts and connection problems.
    public var isTransient: Bool { kind == .timeout || kind == .connect || kind == .other }

    public var description: String { "\(method) \(url): \(kind.rawValue): \(detail)" }

    static func stripQuery(_ url: String) -> String {
        guard let index = url.firstIndex(of: "?") else { return url }
        return String(url[..<index])
    }
}
