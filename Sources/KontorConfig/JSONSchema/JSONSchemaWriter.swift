import KontorCore

/// Writes a `Schema` as a JSON Schema (draft 2020-12) that YAML editors
/// (yaml-language-server, VS Code, IntelliJ) use for completion and checks:
/// `kontor schema connectors > connectors.schema.json`.
///
/// Objects get `additionalProperties: false` (keys starting with `x-` stay
/// allowed, as the validator allows them for YAML anchors), tagged unions a `oneOf` whose
/// variants pin the discriminator with `const`, and durations, byte sizes and
/// rate limits a `pattern`. Descriptions, defaults and enums come from the
/// Swift model's declaration, the one source of truth.
///
/// ```swift
/// let json = JSONSchemaWriter.write(Deployment.schema, title: "Kontor connectors.yaml")
/// print(json.serialized(pretty: true))
/// ```
public enum JSONSchemaWriter {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// Patterns that editors use to flag malformed values.
    public static let durationPattern =
        #"^(([0-9]+(\.[0-9]+)?(ms|s|m|h|d|w|y))+|-?P([0-9]+([.,][0-9]+)?[YMWD])*(T([0-9]+([.,][0-9]+)?[HMS])+)?)$"#
    public static let byteSizePattern = #"^[0-9]+(\.[0-9]+)?\s*([kKmMgG]i?)?[bB]$"#
    public static let rateLimitPattern = #"^[0-9]+/([0-9]+(\.[0-9]+)?(ms|s|m|h|d|w|y))+$"#

    /// The whole document: `$schema`, `title`, the root schema and `$defs` for every registry entry.
    public static func write(_ schema: Schema, title: String, definitions: SchemaRegistry? = nil) -> JSONValue {
        var root = node(for: schema).objectValue ?? [:]
        root["$schema"] = .string(dialect)
        root["title"] = .string(title)
        if let definitions, !definitions.definitions.isEmpty {
            var defs: [String: JSONValue] = [:]
            for (name, definition) in definitions.definitions {
                defs[name] = node(for: definition)
            }
            root["$defs"] = .object(defs)
        }
        return .object(root)
    }

    /// The JSON Schema of one `Schema` node (without `$schema`/`$defs`).
    public static func node(for schema: Schema) -> JSONValue {
        switch schema {
        case .string(let choices, let format):
            return string(choices: choices, format: format)
        case .integer(let minimum, let maximum):
            var object: [String: JSONValue] = ["type": "integer"]
            if let minimum { object["minimum"] = .int(minimum) }
            if let maximum { object["maximum"] = .int(maximum) }
            return .object(object)
        case .number:
            return ["type": "number"]
        case .boolean:
            return ["type": "boolean"]
        case .any:
            return .object([:])
        case .array(let items, let minItems):
            var object: [String: JSONValue] = ["type": "array", "items": node(for: items)]
            if minItems > 0 { object["minItems"] = .int(minItems) }
            return .object(object)
        case .object(let object):
            return .object(self.object(object))
        case .map(let values, let keyPattern):
            var object: [String: JSONValue] = ["type": "object", "additionalProperties": node(for: values)]
            if let keyPattern { object["propertyNames"] = ["pattern": .string(keyPattern)] }
            return .object(object)
        case .tagged(let discriminator, let variants):
            return tagged(discriminator: discriminator, variants: variants)
        case .either(let alternatives):
            return ["anyOf": .array(alternatives.map(node(for:)))]
        case .reference(let name):
            return ["$ref": .string("#/$defs/\(name)")]
        case .mapping:
            return ["type": "object", "description": "A field mapping: keys are destination fields, values mapping directives"]
        }
    }

    private static func string(choices: [String], format: StringFormat) -> JSONValue {
        var object: [String: JSONValue] = ["type": "string"]
        if !choices.isEmpty { object["enum"] = .array(choices.map(JSONValue.string)) }
        switch format {
        case .duration: object["pattern"] = .string(durationPattern)
        case .byteSize: object["pattern"] = .string(byteSizePattern)
        case .rateLimit: object["pattern"] = .string(rateLimitPattern)
        case .regex: object["format"] = "regex"
        case .plain, .template, .expression, .reference: break
        }
        return .object(object)
    }

    private static func object(_ schema: ObjectSchema, pinning discriminator: (key: String, value: String)? = nil) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for (name, property) in schema.properties {
            var value = node(for: property.schema).objectValue ?? [:]
            if let description = property.description { value["description"] = .string(description) }
            if let defaultValue = property.defaultValue { value["default"] = defaultValue }
            properties[name] = .object(value)
        }
        var required = schema.requiredKeys
        if let discriminator {
            properties[discriminator.key] = ["const": .string(discriminator.value)]
            if !required.contains(discriminator.key) { required = (required + [discriminator.key]).sorted() }
        }
        var object: [String: JSONValue] = [
            "type": "object", "properties": .object(properties), "additionalProperties": false,
            "patternProperties": ["^x-": .object([:])],
        ]
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        if let description = schema.description { object["description"] = .string(description) }
        return object
    }

    private static func tagged(discriminator: String, variants: [String: ObjectSchema]) -> JSONValue {
        let names = variants.keys.sorted()
        let oneOf = names.map { name in
            JSONValue.object(object(variants[name] ?? ObjectSchema([:]), pinning: (discriminator, name)))
        }
        return [
            "type": "object",
            "required": [.string(discriminator)],
            "properties": [discriminator: ["enum": .array(names.map(JSONValue.string))]],
            "oneOf": .array(oneOf),
        ]
    }
}
