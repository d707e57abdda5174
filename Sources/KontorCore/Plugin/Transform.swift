/// One step applied to each record after extraction, before `emit`.
/// Written as an object with exactly one of `set`, `remove`, `keys`,
/// `flatten`, `map`, `rename`.
///
/// ```yaml
/// transform:
///   - {set: {total: "{{ record.total_price | float }}"}}
///   - {remove: [admin_graphql_api_id]}
///   - {rename: "{{ config.fields }}", into: _traits, only: true}
/// ```
public enum Transform: Sendable, Decodable, SchemaDescribed {
    case set([String: String], if: String?)
    case remove([String], if: String?)
    case keys(KeyStyle)
    case flatten(FieldPath, deleteOrigin: Bool?)
    case map(JSONValue)
    /// Moves `record[from]` to `record[into][to]` for each `from: to` pair of an
    /// object given literally or computed from `config` (form field names,
    /// CSV headers); `only` drops the keys not listed.
    case rename(JSONValue, into: String?, only: Bool?)

    public enum KeyStyle: String, Sendable, Decodable, CaseIterable {
        case lower
        case snakeCase = "snake_case"
        case flatten
    }

    /// The keys of which exactly one must be present.
    public static let operationKeys = ["set", "remove", "keys", "flatten", "map", "rename"]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PluginCodingKey.self)
        func key(_ name: String) -> PluginCodingKey { PluginCodingKey(name) }
        let condition = try c.decodeIfPresent(String.self, forKey: key("if"))
        if let values = try c.decodeIfPresent([String: String].self, forKey: key("set")) {
            self = .set(values, if: condition)
        } else if let paths = try c.decodeIfPresent([String].self, forKey: key("remove")) {
            self = .remove(paths, if: condition)
        } else if let style = try c.decodeIfPresent(KeyStyle.self, forKey: key("keys")) {
            self = .keys(style)
        } else if let path = try c.decodeIfPresent(FieldPath.self, forKey: key("flatten")) {
            self = .flatten(path, deleteOrigin: try c.decodeIfPresent(Bool.self, forKey: key("delete_origin")))
        } else if let mapping = try c.decodeIfPresent(JSONValue.self, forKey: key("map")) {
            self = .map(mapping)
        } else if let pairs = try c.decodeIfPresent(JSONValue.self, forKey: key("rename")) {
            self = .rename(
                pairs,
                into: try c.decodeIfPresent(String.self, forKey: key("into")),
                only: try c.decodeIfPresent(Bool.self, forKey: key("only"))
            )
        } else {
            // No operation: the loader reports it with its position; decoding stays lenient
            // so the rest of the plugin is still checked.
            self = .set([:], if: condition)
        }
    }

    public static var schema: Schema {
        let template = Schema.string(format: .template(PluginScopes.record))
        return .object([
            "set": .init(.map(template), "dotted.path: value"),
            "remove": .init(.array(.string()), "dotted paths to drop ('**' for all nulls)"),
            "keys": .init(.string(choices: KeyStyle.allCases.map(\.rawValue)), "Rewrite every key"),
            "flatten": .init(FieldPath.schema, "Lift an object's keys to the record"),
            "delete_origin": .init(.boolean, "With flatten: drop the original object", default: false),
            "map": .init(.mapping(scope: PluginScopes.record), "Replace the record by a mapping of it"),
            "rename": .init(
                .either([.map(.string()), .string(format: .template(PluginScopes.config))]),
                "from: to pairs, or a config template yielding them"
            ),
            "into": .init(.string(), "With rename: the object the renamed keys go into"),
            "only": .init(.boolean, "With rename: drop the keys not listed", default: false),
            "if": .init(template, "Boolean: apply only when true"),
        ], description: "A record transformation; exactly one operation")
    }
}
