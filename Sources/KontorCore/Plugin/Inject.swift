/// Where a value goes in a request: a query parameter, a header, a key of a
/// JSON body (dotted for nesting) or a form field. Written as a one-key object.
///
/// ```yaml
/// token_param: {query: page_info}
/// in: {header: X-Api-Key}
/// ```
public enum Inject: Sendable, Hashable, Decodable, SchemaDescribed {
    case query(String)
    case header(String)
    case bodyJSON(String)
    case bodyForm(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PluginCodingKey.self)
        if let name = try container.decodeIfPresent(String.self, forKey: PluginCodingKey("query")) {
            self = .query(name)
        } else if let name = try container.decodeIfPresent(String.self, forKey: PluginCodingKey("header")) {
            self = .header(name)
        } else if let name = try container.decodeIfPresent(String.self, forKey: PluginCodingKey("body_json")) {
            self = .bodyJSON(name)
        } else if let name = try container.decodeIfPresent(String.self, forKey: PluginCodingKey("body_form")) {
            self = .bodyForm(name)
        } else {
            // An empty object is reported by the loader ("give exactly one of …").
            self = .query("")
        }
    }

    /// The name of the parameter, header or body key.
    public var name: String {
        switch self {
        case .query(let name), .header(let name), .bodyJSON(let name), .bodyForm(let name): name
        }
    }

    public static let keys = ["query", "header", "body_json", "body_form"]

    public static let schema: Schema = .object([
        "query": .init(.string(), "A query parameter"),
        "header": .init(.string(), "A request header"),
        "body_json": .init(.string(), "A key of the JSON body (dotted for nesting)"),
        "body_form": .init(.string(), "A form field"),
    ], description: "Where a value goes; exactly one key")
}
