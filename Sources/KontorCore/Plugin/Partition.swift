/// One axis a stream is split by: the records of a parent stream (one
/// request per parent record) or a fixed list of values.
///
/// ```yaml
/// partitions: [{parent: lists, key: id, as: list_id}]
/// partitions: [{values: "{{ config.form_ids }}", as: form_id}]
/// ```
public enum Partition: Sendable, Decodable, SchemaDescribed {
    case parent(stream: String, key: FieldPath, as: String, param: Inject?, incrementalDependency: Bool?)
    case values(JSONValue, as: String, param: Inject?)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PluginCodingKey.self)
        let name = try c.decode(String.self, forKey: PluginCodingKey("as"))
        let param = try c.decodeIfPresent(Inject.self, forKey: PluginCodingKey("param"))
        if let parent = try c.decodeIfPresent(String.self, forKey: PluginCodingKey("parent")) {
            self = .parent(
                stream: parent,
                key: try c.decodeIfPresent(FieldPath.self, forKey: PluginCodingKey("key")) ?? FieldPath([]),
                as: name,
                param: param,
                incrementalDependency: try c.decodeIfPresent(Bool.self, forKey: PluginCodingKey("incremental_dependency"))
            )
        } else {
            // Neither parent nor values is reported by the loader; decoding stays lenient.
            let values = try c.decodeIfPresent(JSONValue.self, forKey: PluginCodingKey("values"))
            self = .values(values ?? .array([]), as: name, param: param)
        }
    }

    /// The parent stream's name, for a parent partition.
    public var parentStream: String? {
        if case .parent(let stream, _, _, _, _) = self { return stream }
        return nil
    }

    public static let schema: Schema = .object([
        "parent": .init(.string(format: .reference("stream")), "Parent stream: one partition per parent record"),
        "key": .init(FieldPath.schema, "The parent record's value to use"),
        "values": .init(.either([.array(.string()), .string(format: .template(PluginScopes.config))]), "Fixed values"),
        "as": .required(.string(), "Name under stream_partition"),
        "param": .init(Inject.schema, "Also send the value in the request"),
        "incremental_dependency": .init(.boolean, "Only parents changed since the last run", default: false),
    ], description: "A partition: give either parent + key or values")
}
