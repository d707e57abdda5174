/// Where a response's records are, and which to keep.
///
/// ```yaml
/// records: {path: [customers], filter: "{{ record.state != 'disabled' }}"}
/// ```
public struct RecordSelector: Sendable, Decodable, SchemaDescribed {
    public var path: FieldPath?
    public var filter: String?

    public static var schema: Schema {
        .object([
            "path": .init(FieldPath.schema, "Path to the record list", default: []),
            "filter": .init(.string(format: .template(PluginScopes.record)), "Boolean: keep the record"),
        ])
    }
}

/// A stream's JSON Schema: inline, in a file next to plugin.yaml, or inferred.
public enum StreamSchemaSource: Sendable, Decodable, SchemaDescribed {
    case inline(JSONValue)
    case file(String)
    case infer

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PluginCodingKey.self)
        if let schema = try c.decodeIfPresent(JSONValue.self, forKey: PluginCodingKey("inline")) {
            self = .inline(schema)
        } else if let file = try c.decodeIfPresent(String.self, forKey: PluginCodingKey("file")) {
            self = .file(file)
        } else {
            self = .infer
        }
    }

    public static let schema: Schema = .object([
        "inline": .init(.any, "A JSON Schema"),
        "file": .init(.string(), "A JSON Schema file relative to the plugin folder"),
        "infer": .init(.boolean, "Infer from the records"),
    ])
}
