/// The value an expression computes with: JSON plus the date and time types
/// Airbyte's macros return (`datetime`, `date`, `timedelta`), and `undefined`
/// for a missing variable, key or index.
///
/// Only the final result is turned back into `JSONValue` (`json`): a datetime
/// becomes RFC 3339 text with `Z`, a date `YYYY-MM-DD`, a duration its seconds,
/// `undefined` becomes `null`.
enum ExpressionValue: Sendable {
    case undefined
    case json(JSONValue)
    case dateTime(ZonedDateTime)
    /// Days since 1970-01-01 (Python `date`).
    case date(Int)
    /// Microseconds (Python `timedelta`).
    case duration(Int64)

    static let none = ExpressionValue.json(.null)
    static let `true` = ExpressionValue.json(.bool(true))
    static let `false` = ExpressionValue.json(.bool(false))

    static func bool(_ value: Bool) -> ExpressionValue { .json(.bool(value)) }
    static func int(_ value: Int) -> ExpressionValue { .json(.int(value)) }
    static func double(_ value: Double) -> ExpressionValue { .json(.double(value)) }
    static func string(_ value: String) -> ExpressionValue { .json(.string(value)) }
    static func array(_ values: [ExpressionValue]) -> ExpressionValue { .json(.array(values.map(\.json))) }

    /// `none` or `undefined`.
    var isNone: Bool {
        switch self {
        case .undefined, .json(.null): return true
        default: return false
        }
    }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .undefined: return false
        case .json(let value): return value.isTruthy
        case .dateTime, .date: return true
        case .duration(let micro): return micro != 0
        }
    }

    /// The type name used in error messages.
    var typeName: String {
        switch self {
        case .undefined: return "undefined"
        case .json(.null): return "none"
        case .json(let value): return value.typeName
        case .dateTime: return "datetime"
        case .date: return "date"
        case .duration: return "duration"
        }
    }

    /// The JSON form of the value.
    var json: JSONValue {
        switch self {
        case .undefined: return .null
        case .json(let value): return value
        case .dateTime(let value): return .string(DateFormat.rfc3339Text(value))
        case .date(let days): return .string(Self.dateText(days))
        case .duration(let micro):
            return micro % 1_000_000 == 0 ? .int(Int(micro / 1_000_000)) : .double(Double(micro) / 1_000_000)
        }
    }

    var stringValue: String? {
        if case .json(.string(let value)) = self { return value }
        return nil
    }

    /// The integer value of an int or a bool (not a double).
    var integerValue: Int? {
        switch self {
        case .json(.int(let value)): return value
        case .json(.bool(let value)): return value ? 1 : 0
        default: return nil
        }
    }

    var numberValue: Double? {
        switch self {
        case .json(.int(let value)): return Double(value)
        case .json(.double(let value)): return value
        case .json(.bool(let value)): return value ? 1 : 0
        default: return nil
        }
    }

    /// The date as a datetime at midnight UTC, or the datetime itself.
    var zonedDateTime: ZonedDateTime? {
        switch self {
        case .dateTime(let value): return value
        case .date(let days): return ZonedDateTime(microseconds: Int64(days) * 86_400_000_000)
        default: return nil
        }
    }

    static func dateText(_ days: Int) -> String {
        let fields = CivilFields(days: days)
        func pad(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(fields.year, 4) + "-" + pad(fields.month, 2) + "-" + pad(fields.day, 2)
    }
}
