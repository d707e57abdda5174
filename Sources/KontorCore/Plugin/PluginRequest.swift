/// An HTTP request template, used by streams, actions, checks and session logins.
///
/// `path` is relative to `http.base_url`; `url` replaces it entirely. For an
/// action, a `body_json` value `"$batch"` stands for the array of mapped
/// records of the batch, and `"$record"` for the one mapped record.
///
/// ```yaml
/// request:
///   method: POST
///   path: "lists/{{ config.list_id }}"
///   body_json: {members: "$batch", update_existing: true}
/// ```
public struct PluginRequest: Sendable, Decodable {
    public enum Method: String, Sendable, Decodable, CaseIterable {
        case GET, POST, PUT, PATCH, DELETE
    }

    public var method: Method?
    public var path: String?
    public var url: String?
    public var query: [String: String]?
    public var headers: [String: String]?
    /// A mapping, a template, or `"$batch"` / `"$record"`.
    public var bodyJSON: JSONValue?
    public var bodyForm: [String: String]?

    enum CodingKeys: String, CodingKey {
        case method, path, url, query, headers, bodyJSON = "body_json", bodyForm = "body_form"
    }

    public init(method: Method? = nil, path: String? = nil, url: String? = nil, query: [String: String]? = nil) {
        self.method = method
        self.path = path
        self.url = url
        self.query = query
    }

    /// The HTTP method, `GET` by default.
    public var effectiveMethod: Method { method ?? .GET }

    /// This request with `defaults` filling what it leaves out; `query` and
    /// `headers` are merged key by key, this request winning.
    public func merging(defaults: PluginRequest?) -> PluginRequest {
        guard let defaults else { return self }
        var merged = self
        merged.method = method ?? defaults.method
        merged.path = path ?? defaults.path
        merged.url = url ?? defaults.url
        merged.query = Self.merge(query, over: defaults.query)
        merged.headers = Self.merge(headers, over: defaults.headers)
        merged.bodyJSON = bodyJSON ?? defaults.bodyJSON
        merged.bodyForm = bodyForm ?? defaults.bodyForm
        return merged
    }

    private static func merge(_ own: [String: String]?, over base: [String: String]?) -> [String: String]? {
        guard let base else { return own }
        return base.merging(own ?? [:]) { _, new in new }
    }

    /// The request schema for fields with `scope` (stream requests or action requests).
    public static func schema(_ scope: ExpressionScope) -> Schema {
        let template = Schema.string(format: .template(scope))
        return .object([
            "method": .init(.string(choices: Method.allCases.map(\.rawValue)), default: "GET"),
            "path": .init(template, "Path relative to http.base_url"),
            "url": .init(template, "Absolute URL, replacing base_url + path"),
            "query": .init(.map(template), "Query parameters"),
            "headers": .init(.map(template), "Extra headers"),
            "body_json": .init(.either([template, .mapping(scope: scope)]), "JSON body: a mapping or a template"),
            "body_form": .init(.map(template), "Form-encoded body"),
        ], description: "An HTTP request")
    }
}
