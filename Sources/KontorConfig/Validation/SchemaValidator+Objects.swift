import Foundation
import KontorCore

extension ValidationRun {
    /// Keys starting with `x-` are ignored in every object, as in Compose files:
    /// a place for YAML anchors (`x-defaults: &defaults {...}`) and notes.
    static let extensionKeyPrefix = "x-"

    /// Unknown keys (with a suggestion), missing required keys, then each known value.
    mutating func checkObject(
        _ node: YAMLNode, _ object: ObjectSchema, _ path: ValidationPath, allowing extraKeys: Set<String> = []
    ) {
        guard let entries = node.entries else {
            error(node.location, "expected a mapping\(Self.suffix(path)), got \(node.describedValue)")
            return
        }
        let present = Set(entries.compactMap { entry in
            entry.value.isNull ? nil : entry.key.stringValue
        })
        for key in object.requiredKeys where !present.contains(key) {
            let context = path.context
            error(node.location, "missing required key '\(key)'" + (context.isEmpty ? "" : " \(context)"))
        }
        for (key, value) in entries {
            guard let name = key.stringValue else {
                error(key.location, "expected a plain key, got \(key.describedValue)")
                continue
            }
            if extraKeys.contains(name) || name.hasPrefix(ValidationRun.extensionKeyPrefix) { continue }
            guard let property = object.properties[name] else {
                let context = path.context
                error(
                    key.location, "unknown key '\(name)'" + (context.isEmpty ? "" : " \(context)"),
                    suggestion: NearestName.suggest(for: name, among: object.properties.keys.sorted()))
                continue
            }
            if value.isNull { continue }
            check(value, property.schema, path.appending(.key(name)))
        }
    }

    /// Free keys (optionally matching `keyPattern`), each value of one shape.
    mutating func checkMap(_ node: YAMLNode, values: Schema, keyPattern: String?, _ path: ValidationPath) {
        guard let entries = node.entries else {
            error(node.location, "expected a mapping\(Self.suffix(path)), got \(node.describedValue)")
            return
        }
        let pattern = keyPattern.flatMap { try? NSRegularExpression(pattern: $0) }
        for (key, value) in entries {
            guard let name = key.stringValue else {
                error(key.location, "expected a plain key, got \(key.describedValue)")
                continue
            }
            if let pattern, let keyPattern,
                pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil
            {
                let kind = path.components.last.map(Self.entityKind) ?? "key"
                error(key.location, "invalid \(kind) name '\(name)': must match \(keyPattern)")
            }
            check(value, values, path.appending(.entry(name)))
        }
    }

    /// Reads the discriminator (`type:`), suggests a near tag, then checks the chosen variant.
    mutating func checkTagged(
        _ node: YAMLNode, discriminator: String, variants: [String: ObjectSchema], _ path: ValidationPath
    ) {
        guard node.entries != nil else {
            error(node.location, "expected a mapping\(Self.suffix(path)), got \(node.describedValue)")
            return
        }
        let names = variants.keys.sorted()
        let context = path.context.isEmpty ? "" : " \(path.context)"
        guard let tagNode = node[discriminator], !tagNode.isNull else {
            error(
                node.location,
                "missing required key '\(discriminator)'\(context); one of \(names.map { "'\($0)'" }.joined(separator: ", "))")
            return
        }
        guard let tag = tagNode.scalar?.value, tagNode.scalar?.resolved.stringValue != nil, let variant = variants[tag] else {
            error(
                tagNode.location,
                "unknown \(discriminator) \(tagNode.describedValue)\(context); expected one of \(names.map { "'\($0)'" }.joined(separator: ", "))",
                suggestion: tagNode.scalar.flatMap { NearestName.suggest(for: $0.value, among: names) })
            return
        }
        checkObject(node, variant, path, allowing: [discriminator])
    }

    private static func suffix(_ path: ValidationPath) -> String {
        path.components.isEmpty ? "" : " for '\(path)'"
    }

    private static func entityKind(_ component: ValidationPath.Component) -> String {
        if case .key(let name) = component { return ValidationPath.singular(name) }
        return "key"
    }
}

extension YAMLNode {
    /// True for an empty value or an explicit `null`/`~`.
    public var isNull: Bool {
        scalar?.resolved.isNull ?? false
    }
}
