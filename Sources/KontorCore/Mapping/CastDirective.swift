import Foundation

/// `{"@cast": {"value": <v>, "to": "string"|"integer"|"number"|"boolean"|"datetime", "format": "…"}}`:
/// converts a value's type.
///
/// - `string`: numbers and booleans as text, arrays and objects as JSON text;
/// - `integer`: numbers truncated toward zero, numeric text, booleans as 1/0;
/// - `number`: numeric text (an integer stays an integer), booleans as 1/0;
/// - `boolean`: `true/false/yes/no/y/n/on/off/1/0` (any case), numbers by ≠ 0;
/// - `datetime`: an RFC 3339 string, read with `format` (a `DateFormat`) or detected.
///
/// Undefined and `null` pass through; a value that cannot be converted is a per-record error.
struct CastDirective: MappingDirective {
    enum Target: String, CaseIterable {
        case string, integer, number, boolean, datetime
    }

    let value: MappingNode
    let target: Target
    let format: DateFormat?
    let path: [String]

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["value", "to", "format"], in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let target = options.string("to", required: true, choices: Target.allCases.map(\.rawValue), in: &compiler)
            .flatMap(Target.init(rawValue:))
        let formatText = options.string("format", in: &compiler)
        var format: DateFormat?
        if let formatText {
            if target != nil, target != .datetime { compiler.fail(path + ["format"], "'format' applies only to: datetime") }
            format = DateFormat.compile(formatText, at: path + ["format"], in: &compiler)
        }
        guard let value, let target else { return nil }
        return CastDirective(value: value, target: target, format: format, path: path)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let result = try value.apply(to: input) else { return nil }
        if result.isNull { return .null }
        guard let cast = convert(result) else {
            throw MappingError(path: path, "@cast: cannot convert \(result.jsonText) to \(target.rawValue)")
        }
        return cast
    }

    private func convert(_ value: JSONValue) -> JSONValue? {
        switch target {
        case .string: return .string(value.scalarText ?? value.jsonText)
        case .integer: return Self.number(value).flatMap(Self.truncated)
        case .number: return Self.number(value)
        case .boolean: return Self.boolean(value)
        case .datetime: return DateFormat.date(from: value, format: format).map { .string(DateFormat.rfc3339.string(from: $0)) }
        }
    }

    private static func number(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .int, .double: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let integer = Int(trimmed) { return .int(integer) }
            if let double = Double(trimmed), double.isFinite { return .double(double) }
            return nil
        default: return nil
        }
    }

    private static func truncated(_ value: JSONValue) -> JSONValue? {
        guard case .double(let double) = value else { return value }
        guard double.isFinite, abs(double) < 9.2e18 else { return nil }
        return .int(Int(double.rounded(.towardZero)))
    }

    private static func boolean(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .bool: return value
        case .int, .double: return .bool(value.doubleValue != 0)
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "y", "on", "1": return .bool(true)
            case "false", "no", "n", "off", "0": return .bool(false)
            default: return nil
            }
        default: return nil
        }
    }
}
