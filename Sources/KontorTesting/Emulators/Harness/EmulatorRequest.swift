import Foundation
import KontorCore

/// A request as an emulator's handlers see it: decoded query, lower-cased headers, the whole body.
///
/// Handlers take this rather than Hummingbird's `Request`, so each API's logic stays independent of the server.
public struct EmulatorRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/admin/api/2024-10/customers.json`.
    public var path: String
    public var query: QueryParameters
    /// Header values by lower-cased name (the last value wins).
    public var headers: [String: String]
    public var body: [UInt8]
    /// Values of the route's `:name` segments.
    public var pathParameters: [String: String]
    /// The emulator's time when the request arrived.
    public var receivedAt: Date
    /// `http://host:port` of the emulator, for absolute links in responses (Shopify `Link`,
    /// HubSpot `paging.next.link`, SurveyMonkey `links.next`, Graph `paging.next`).
    public var origin: String

    public init(
        method: String, path: String, query: QueryParameters = QueryParameters(raw: nil),
        headers: [String: String] = [:], body: [UInt8] = [], pathParameters: [String: String] = [:],
        receivedAt: Date, origin: String = "http://127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
        self.receivedAt = receivedAt
        self.origin = origin
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The token of an `Authorization: Bearer <token>` header.
    public var bearerToken: String? {
        guard let value = header("authorization"), value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
    }

    /// The user and password of an `Authorization: Basic …` header.
    public var basicCredentials: (user: String, password: String)? {
        guard let value = header("authorization"), value.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(value.dropFirst("basic ".count)).trimmingCharacters(in: .whitespaces))
        else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// The body parsed as JSON, or nil when it is not JSON.
    public func jsonBody() -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body))
    }
}
