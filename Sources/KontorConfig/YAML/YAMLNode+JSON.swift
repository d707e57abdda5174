import KontorCore

extension YAMLNode {
    /// The node as a `JSONValue`, resolving plain scalars by the YAML 1.2 core
    /// schema: `true`/`false` are booleans, `null`/`~`/empty are null, decimal,
    /// `0x` and `0o` numbers are integers, decimals with a point or exponent are
    /// doubles, and everything else (including YAML 1.1's `yes`/`on`) is a string.
    ///
    /// Quoted and block scalars are always strings; explicit tags (`!!str`,
    /// `!!int`, …) win over the plain resolution. A mapping key becomes its
    /// scalar text; a non-scalar key is written as its JSON text.
    public func toJSON() -> JSONValue {
        switch kind {
        case .scalar(let scalar):
            return scalar.resolved
        case .sequence(let elements):
            return .array(elements.map { $0.toJSON() })
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for (key, value) in entries {
                object[key.keyText] = value.toJSON()
            }
            return .object(object)
        }
    }

    /// The text a mapping key stands for.
    var keyText: String {
        if let scalar { return scalar.value }
        return "\(toJSON())"
    }
}

extension YAMLScalar {
    /// The typed value of this scalar under the YAML 1.2 core schema.
    public var resolved: JSONValue {
        switch tag.map(YAMLScalar.shortTag) {
        case "str"?: return .string(value)
        case "null"?: return .null
        case "bool"?: return YAMLScalar.bool(value).map(JSONValue.bool) ?? .string(value)
        case "int"?: return YAMLScalar.int(value).map(JSONValue.int) ?? .string(value)
        case "float"?: return YAMLScalar.double(value).map(JSONValue.double) ?? .string(value)
        default: break
        }
        guard style == .plain else { return .string(value) }
        return YAMLScalar.resolvePlain(value)
    }

    /// Resolves plain text by the YAML 1.2 core schema.
    public static func resolvePlain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let bool = bool(text) { return .bool(bool) }
        if let int = int(text) { return .int(int) }
        // An integer too large for `Int` (an id) stays text rather than losing digits.
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return .string(text) }
        if let double = double(text) { return .double(double) }
        return .string(text)
    }

    private static func shortTag(_ tag: String) -> String {
        if tag.hasPrefix("tag:yaml.org,2002:") { return String(tag.dropFirst("tag:yaml.org,2002:".count)) }
        if tag.hasPrefix("!!") { return String(tag.dropFirst(2)) }
        return tag
    }

    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    private static func int(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// Core-schema floats: `1.5`, `-.5`, `1e3`, `2.`; `.inf` and `.nan` stay strings
    /// because JSON cannot hold them.
    private static func double(_ text: String) -> Double? {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        var sawDigit = false
        var sawPoint = false
        while let character = rest.first, character.isASCII, character.isNumber || (character == "." && !sawPoint) {
            if character == "." { sawPoint = true } else { sawDigit = true }
            rest = rest.dropFirst()
        }
        guard sawDigit else { return nil }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            rest = rest.dropFirst(rest.count)
        }
        guard rest.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
