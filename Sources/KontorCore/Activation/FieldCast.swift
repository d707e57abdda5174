import Foundation

/// Converts a mapped value to an action field's declared `type`, the run-time
/// half of the load-time type check (`@path` results are typed `any`).
///
/// | type | accepts |
/// |---|---|
/// | string | strings; numbers and booleans as their text |
/// | integer | integers; integral doubles; strings holding one |
/// | number | integers and doubles; numeric strings |
/// | boolean | booleans; `true`/`false`/`1`/`0` strings; integers 0 and 1 |
/// | datetime | RFC 3339 strings (rewritten in UTC); numbers as Unix seconds |
/// | object | objects |
/// | array | arrays (elements cast by `items`); a single value becomes a one-element array |
enum FieldCast {
    /// The value as `field.type`, or a message saying why it is not one.
    static func cast(_ value: JSONValue, to field: ActionField) -> Result<JSONValue, CastFailure> {
        switch field.type {
        case .string: return string(value)
        case .integer: return integer(value)
        case .number: return number(value)
        case .boolean: return boolean(value)
        case .datetime: return datetime(value)
        case .object: return value.objectValue != nil ? .success(value) : mismatch(value, "object")
        case .array: return array(value, items: field.items)
        }
    }

    struct CastFailure: Error, Hashable {
        var message: String
    }

    private static func mismatch(_ value: JSONValue, _ expected: String) -> Result<JSONValue, CastFailure> {
        .failure(CastFailure(message: "expected \(expected), got \(describe(value))"))
    }

    /// `"abc"` for strings (cut at 40 characters), else the type name.
    private static func describe(_ value: JSONValue) -> String {
        guard case .string(let text) = value else { return value.typeName }
        return text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }

    private static func string(_ value: JSONValue) -> Result<JSONValue, CastFailure> {
        value.scalarText.map { .success(.string($0)) } ?? mismatch(value, "string")
    }

    private static func integer(_ value: JSONValue) -> Result<JSONValue, CastFailure> {
        switch value {
        case .int: return .success(value)
        case .double(let number) where number.rounded() == number && abs(number) < 9e15:
            return .success(.int(Int(number)))
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed) { return .success(.int(number)) }
            if let number = Double(trimmed), number.rounded() == number, abs(number) < 9e15 {
                return .success(.int(Int(number)))
            }
            return mismatch(value, "integer")
        default: return mismatch(value, "integer")
        }
    }

    private static func number(_ value: JSONValue) -> Result<JSONValue, CastFailure> {
        switch value {
        case .int, .double: return .success(value)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed) { return .success(.int(number)) }
            if let number = Double(trimmed), number.isFinite { return .success(.double(number)) }
            return mismatch(value, "number")
        default: return mismatch(value, "number")
        }
    }

    private static func boolean(_ value: JSONValue) -> Result<JSONValue, CastFailure> {
        switch value {
        case .bool: return .success(value)
        case .int(let number) where number == 0 || number == 1: return .success(.bool(number == 1))
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return .success(.bool(true))
            case "false", "0": return .success(.bool(false))
            default: return mismatch(value, "boolean")
            }
        default: return mismatch(value, "boolean")
        }
    }

    private static func datetime(_ value: JSONValue) -> Result<JSONValue, CastFailure> {
        let date: Date? =
            switch value {
            case .string(let text): DateFormat.rfc3339.date(from: text.trimmingCharacters(in: .whitespaces))
            case .int(let seconds): Date(timeIntervalSince1970: Double(seconds))
            case .double(let seconds) where seconds.isFinite: Date(timeIntervalSince1970: seconds)
            default: nil
            }
        guard let date else { return mismatch(value, "datetime (RFC 3339)") }
        return .success(.string(DateFormat.rfc3339.string(from: date)))
    }

    private static func array(_ value: JSONValue, items: ActionField?) -> Result<JSONValue, CastFailure> {
        let elements = value.arrayValue ?? [value]
        guard let items else { return .success(.array(elements)) }
        var cast: [JSONValue] = []
        for (index, element) in elements.enumerated() {
            switch self.cast(element, to: items) {
            case .success(let converted): cast.append(converted)
            case .failure(let failure): return .failure(CastFailure(message: "[\(index)]: \(failure.message)"))
            }
        }
        return .success(.array(cast))
    }
}
