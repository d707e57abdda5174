import KontorCore

/// Record-wide key rewrites of `transform: [{keys: …}]` and `remove: ["**"]`.
enum KeyRewriting {
    /// Every key of every object rewritten in `style`; `flatten` lifts nested
    /// objects to dotted top-level keys (`address.city`).
    static func rewrite(_ value: JSONValue, style: Transform.KeyStyle) -> JSONValue {
        switch style {
        case .lower: return mapKeys(value) { $0.lowercased() }
        case .snakeCase: return mapKeys(value, snakeCase)
        case .flatten:
            guard let object = value.objectValue else { return value }
            var flat: [String: JSONValue] = [:]
            flatten(object, prefix: "", into: &flat)
            return .object(flat)
        }
    }

    /// `value` without `null` members, at any depth.
    static func removingNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(object.filter { !$0.value.isNull }.mapValues(removingNulls))
        case .array(let items): .array(items.map(removingNulls))
        default: value
        }
    }

    /// `firstName`, `First Name`, `first-name` → `first_name`.
    static func snakeCase(_ key: String) -> String {
        var output = ""
        var previous: Character?
        for character in key {
            if character.isUppercase {
                if let previous, previous.isLowercase || previous.isNumber { output.append("_") }
                output.append(contentsOf: character.lowercased())
            } else if character.isLetter || character.isNumber {
                output.append(character)
            } else if !output.isEmpty, output.last != "_" {
                output.append("_")
            }
            previous = character
        }
        while output.hasSuffix("_") { output.removeLast() }
        return output
    }

    private static func mapKeys(_ value: JSONValue, _ transform: (String) -> String) -> JSONValue {
        switch value {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for key in object.keys.sorted() { result[transform(key)] = mapKeys(object[key] ?? .null, transform) }
            return .object(result)
        case .array(let items): return .array(items.map { mapKeys($0, transform) })
        default: return value
        }
    }

    private static func flatten(_ object: [String: JSONValue], prefix: String, into flat: inout [String: JSONValue]) {
        for (key, value) in object {
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let inner = value.objectValue, !inner.isEmpty {
                flatten(inner, prefix: name, into: &flat)
            } else {
                flat[name] = value
            }
        }
    }
}
