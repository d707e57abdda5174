import Foundation
import KontorCore

/// A request being assembled: the rendered templates of a stream, then
/// pagination tokens, partition values, cursor bounds and credentials
/// injected where the plugin says (`Inject`), then ``build()``.
///
/// ```swift
/// var draft = RequestDraft(method: "GET", url: "https://shop.test/customers.json")
/// draft.inject(.int(250), at: .query("limit"))
/// draft.inject(.string("Bearer t"), at: .header("Authorization"))
/// let request = try draft.build()   // GET https://shop.test/customers.json?limit=250
/// ```
public struct RequestDraft: Sendable, Hashable {
    public var method: String
    /// The URL; it may already carry a query (a `next_url` given by the API), kept exactly as it is.
    public var url: String
    /// Query items appended to `url`.
    public var query: [QueryItem]
    public var headers: [HTTPHeader]
    public var bodyJSON: JSONValue?
    public var bodyForm: [QueryItem]?

    public init(
        method: String = "GET", url: String, query: [QueryItem] = [], headers: [HTTPHeader] = [],
        bodyJSON: JSONValue? = nil, bodyForm: [QueryItem]? = nil
    ) {
        self.method = method
        self.url = url
        self.query = query
        self.headers = headers
        self.bodyJSON = bodyJSON
        self.bodyForm = bodyForm
    }

    /// Puts `value` where `target` says, replacing an earlier value of the same
    /// name. `null` injects nothing; objects and arrays go into JSON bodies as
    /// they are and elsewhere as their JSON text.
    public mutating func inject(_ value: JSONValue, at target: Inject) {
        if value.isNull { return }
        switch target {
        case .query(let name):
            query.removeAll { $0.name == name }
            query.append(QueryItem(name, Self.text(of: value)))
        case .header(let name):
            setHeader(name, Self.text(of: value))
        case .bodyJSON(let dotted):
            let path = dotted.split(separator: ".").map(String.init)
            bodyJSON = Self.setting(value, at: path[...], in: bodyJSON ?? .object([:]))
        case .bodyForm(let name):
            var form = bodyForm ?? []
            form.removeAll { $0.name == name }
            form.append(QueryItem(name, Self.text(of: value)))
            bodyForm = form
        }
    }

    /// Sets header `name`, replacing any value it had (names compared case-insensitively).
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append(HTTPHeader(name, value))
    }

    /// Removes the query parameters `names` from `url` and `query` (credentials
    /// that the authenticator adds again, so a `next_url` never carries them twice).
    public mutating func removeQueryItems(named names: Set<String>) {
        guard !names.isEmpty else { return }
        query.removeAll { names.contains($0.name) }
        guard url.contains("?") else { return }
        let kept = RequestURL.queryItems(of: url).filter { !names.contains($0.name) }
        let base = RequestURL.withoutQuery(url)
        url = kept.isEmpty ? base : base + "?" + PercentEncoding.query(kept)
    }

    /// The full URL: `url` with `query` appended.
    public var fullURL: String {
        guard !query.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + PercentEncoding.query(query)
    }

    /// The finished request. A JSON body gets `Content-Type: application/json`,
    /// a form body `application/x-www-form-urlencoded`, unless set already.
    public func build() throws(RequestBuildError) -> HTTPRequestData {
        guard RequestURL.isAbsolute(url) else {
            throw RequestBuildError(field: "url", "'\(RequestURL.withoutQuery(url))' is not an absolute http(s) URL; check base_url")
        }
        var request = HTTPRequestData(method: method, url: fullURL, headers: headers)
        if let bodyForm {
            request.body = Array(PercentEncoding.query(bodyForm).utf8)
            if request.header("Content-Type") == nil {
                request.headers.append(HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))
            }
        } else if let bodyJSON {
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                request.body = Array(try encoder.encode(bodyJSON))
            } catch {
                throw RequestBuildError(field: "body_json", "cannot be encoded as JSON")
            }
            if request.header("Content-Type") == nil {
                request.headers.append(HTTPHeader("Content-Type", "application/json"))
            }
        }
        return request
    }

    /// A value as text for a query, header or form field: strings as they are,
    /// numbers and booleans as JSON writes them, containers as JSON text.
    public static func text(of value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .array, .object:
            (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    private static func setting(_ value: JSONValue, at path: ArraySlice<String>, in container: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var object = container.objectValue ?? [:]
        object[key] = setting(value, at: path.dropFirst(), in: object[key] ?? .object([:]))
        return .object(object)
    }
}
