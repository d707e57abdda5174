import KontorCore

/// A string of a plugin file that holds an expression: a template, a bare
/// expression, or a `$.path` inside a mapping, with its YAML node and key path.
struct TemplateSite {
    enum Kind { case template, expression, recordPath }

    let node: YAMLNode
    let path: [String]
    let text: String
    let kind: Kind
}

/// Walks a plugin's YAML tree along its schema and collects every
/// expression-bearing string, so cross-checks (config names, secrets, action
/// fields) see each one with the key path it sits under.
struct TemplateSiteCollector {
    let registry: SchemaRegistry
    private(set) var sites: [TemplateSite] = []
    /// One-key objects (`Inject`) that must have exactly one key.
    private(set) var injects: [(node: YAMLNode, path: [String])] = []

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    mutating func visit(_ node: YAMLNode, _ schema: Schema, _ path: [String], depth: Int = 0) {
        guard depth < 64 else { return }
        switch schema {
        case .string(_, let format):
            visitString(node, format: format, path)
        case .object(let object):
            visitObject(node, object, path, depth)
        case .map(let values, _):
            for (key, value) in node.entries ?? [] {
                visit(value, values, path + [key.stringValue ?? ""], depth: depth + 1)
            }
        case .array(let items, _):
            for (index, element) in (node.elements ?? []).enumerated() {
                visit(element, items, path + [String(index)], depth: depth + 1)
            }
        case .tagged(let discriminator, let variants):
            if let tag = node[discriminator]?.stringValue, let variant = variants[tag] {
                visitObject(node, variant, path, depth)
            }
        case .either(let alternatives):
            if let chosen = alternatives.first(where: { fits(node, $0, depth) }) {
                visit(node, chosen, path, depth: depth + 1)
            }
        case .reference(let name):
            if let resolved = registry[name] { visit(node, resolved, path, depth: depth + 1) }
        case .mapping:
            visitMapping(node, path)
        case .integer, .number, .boolean, .any:
            break
        }
    }

    private mutating func visitString(_ node: YAMLNode, format: StringFormat, _ path: [String]) {
        guard let text = node.scalar?.value else { return }
        switch format {
        case .template where text.contains("{{"):
            sites.append(TemplateSite(node: node, path: path, text: text, kind: .template))
        case .expression:
            sites.append(TemplateSite(node: node, path: path, text: text, kind: .expression))
        default:
            break
        }
    }

    private mutating func visitObject(_ node: YAMLNode, _ object: ObjectSchema, _ path: [String], _ depth: Int) {
        if Set(object.properties.keys) == Set(Inject.keys) { injects.append((node, path)) }
        for (key, value) in node.entries ?? [] {
            guard let name = key.stringValue, let property = object.properties[name] else { continue }
            visit(value, property.schema, path + [name], depth: depth + 1)
        }
    }

    /// Inside a mapping every `{{ }}` string is a template and every `$.` string a record path.
    private mutating func visitMapping(_ node: YAMLNode, _ path: [String]) {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.value.contains("{{") {
                sites.append(TemplateSite(node: node, path: path, text: scalar.value, kind: .template))
            } else if scalar.value.hasPrefix("$.") {
                sites.append(TemplateSite(node: node, path: path, text: scalar.value, kind: .recordPath))
            }
        case .sequence(let elements):
            for (index, element) in elements.enumerated() { visitMapping(element, path + [String(index)]) }
        case .mapping(let entries):
            for (key, value) in entries { visitMapping(value, path + [key.stringValue ?? ""]) }
        }
    }

    /// Whether `node`'s kind (scalar, list, object) fits an alternative of an `either`.
    private func fits(_ node: YAMLNode, _ schema: Schema, _ depth: Int) -> Bool {
        switch (node.kind, schema) {
        case (_, .reference(let name)):
            guard depth < 64, let resolved = registry[name] else { return false }
            return fits(node, resolved, depth + 1)
        case (_, .mapping), (_, .any): return true
        case (.scalar(let scalar), .string): return scalar.resolved.stringValue != nil
        case (.scalar(let scalar), .integer): return scalar.resolved.intValue != nil
        case (.scalar(let scalar), .number): return scalar.resolved.doubleValue != nil
        case (.scalar(let scalar), .boolean): return scalar.resolved.boolValue != nil
        case (.sequence, .array): return true
        case (.mapping, .object), (.mapping, .map), (.mapping, .tagged): return true
        default: return false
        }
    }
}
