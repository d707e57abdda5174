import KontorCore

/// What kind of YAML node a schema accepts, for choosing among `either`
/// alternatives and for "expected a list, got a mapping" messages.
enum SchemaShape {
    enum Kind: Hashable {
        case scalar, mapping, sequence, anything
    }

    static func kind(of schema: Schema, _ references: SchemaRegistry?, depth: Int = 0) -> Kind {
        switch schema {
        case .string, .integer, .number, .boolean: return .scalar
        case .object, .map, .tagged, .mapping: return .mapping
        case .array: return .sequence
        case .any, .either: return .anything
        case .reference(let name):
            guard depth < 16, let resolved = references?[name] else { return .anything }
            return kind(of: resolved, references, depth: depth + 1)
        }
    }

    static func accepts(_ schema: Schema, kindOf node: YAMLNode, _ references: SchemaRegistry?) -> Bool {
        switch kind(of: schema, references) {
        case .anything: return true
        case .scalar: return node.scalar != nil
        case .mapping: return node.entries != nil
        case .sequence: return node.elements != nil
        }
    }

    /// True when a scalar's resolved type is the one `schema` takes (a string for
    /// `.string`, an integer for `.integer`…); collections match by kind.
    static func acceptsExactly(_ schema: Schema, _ node: YAMLNode, _ references: SchemaRegistry?, depth: Int = 0) -> Bool {
        guard let value = node.scalar?.resolved else { return accepts(schema, kindOf: node, references) }
        switch schema {
        case .string: return value.stringValue != nil
        case .integer: if case .int = value { return true } else { return false }
        case .number: return value.doubleValue != nil
        case .boolean: return value.boolValue != nil
        case .any: return true
        case .either(let alternatives): return alternatives.contains { acceptsExactly($0, node, references, depth: depth) }
        case .reference(let name):
            guard depth < 16, let resolved = references?[name] else { return false }
            return acceptsExactly(resolved, node, references, depth: depth + 1)
        case .array, .object, .map, .tagged, .mapping: return false
        }
    }

    /// "a string", "an integer", "a mapping", … for each alternative, without repeats.
    static func names(of alternatives: [Schema], _ references: SchemaRegistry?) -> [String] {
        var names: [String] = []
        for alternative in alternatives {
            let name = self.name(of: alternative, references)
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func name(of schema: Schema, _ references: SchemaRegistry?, depth: Int = 0) -> String {
        switch schema {
        case .string(let choices, let format):
            if !choices.isEmpty { return choices.map { "'\($0)'" }.joined(separator: " or ") }
            switch format {
            case .duration: return "a duration like '15m'"
            case .byteSize: return "a byte size like '5MB'"
            case .rateLimit: return "a rate limit like '10/1s'"
            case .expression: return "an expression"
            case .template: return "a template"
            default: return "a string"
            }
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .any: return "a value"
        case .array: return "a list"
        case .object, .map, .tagged, .mapping: return "a mapping"
        case .either(let alternatives): return names(of: alternatives, references).joined(separator: " or ")
        case .reference(let name):
            guard depth < 16, let resolved = references?[name] else { return "a value" }
            return self.name(of: resolved, references, depth: depth + 1)
        }
    }
}
