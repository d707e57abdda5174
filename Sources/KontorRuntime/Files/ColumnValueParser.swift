import Foundation
import KontorCore

/// Reads one column's text as the JSON value of its declared type
/// (`columns: {"Menge": {name: quantity, type: integer}}`).
///
/// Empty text is `null` for every type but `string`. Numbers accept a decimal
/// comma (`12,50`, `1.234,50`), as German and French exports write them.
/// Dates become RFC 3339 text in UTC, so `emit.timestamp` reads them.
struct ColumnValueParser: Sendable {
    let type: FileColumn.ValueType
    let dateFormat: DateFormat?

    init(type: FileColumn.ValueType?, format: String?) {
        self.type = type ?? .string
        dateFormat = format.map(DateFormat.init)
    }

    private static let fallbackDates = [
        DateFormat.rfc3339, DateFormat.date, DateFormat("%Y-%m-%d %H:%M:%S"), DateFormat("%Y-%m-%d %H:%M"),
    ]

    /// The value of `text`, or why it does not fit the type (`'abc' is not an integer`).
    func value(of text: String) -> Result<JSONValue, ColumnValueError> {
        if type == .string { return .success(.string(text)) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(.null) }
        switch type {
        case .string:
            return .success(.string(text))
        case .integer:
            let digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
            if let number = Int(digits) { return .success(.int(number)) }
            return .failure(ColumnValueError(text: text, expected: "an integer"))
        case .number:
            if let number = Self.number(trimmed) { return .success(.double(number)) }
            return .failure(ColumnValueError(text: text, expected: "a number"))
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "y", "1", "t", "ja", "oui": return .success(.bool(true))
            case "false", "no", "n", "0", "f", "nein", "non": return .success(.bool(false))
            default: return .failure(ColumnValueError(text: text, expected: "a boolean"))
            }
        case .date:
            let formats = dateFormat.map { [$0] } ?? Self.fallbackDates
            for format in formats {
                if let date = format.date(from: trimmed) { return .success(.string(DateFormat.rfc3339.string(from: date))) }
            }
            let expected = dateFormat.map { "a date in the format '\($0.text)'" } ?? "a date (YYYY-MM-DD or RFC 3339)"
            return .failure(ColumnValueError(text: text, expected: expected))
        }
    }

    /// `12.5`, `12,5`, `1,234.50`, `1.234,50`, `-3`.
    static func number(_ text: String) -> Double? {
        if let value = Double(text), value.isFinite { return value }
        let lastComma = text.lastIndex(of: ",")
        let lastDot = text.lastIndex(of: ".")
        var normalized = text
        switch (lastComma, lastDot) {
        case (let comma?, let dot?) where comma > dot:
            normalized = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        case (.some, .some):
            normalized = text.replacingOccurrences(of: ",", with: "")
        case (.some, nil):
            normalized = text.filter { $0 == "," }.count == 1 ? text.replacingOccurrences(of: ",", with: ".") : text
        default:
            return nil
        }
        guard let value = Double(normalized), value.isFinite else { return nil }
        return value
    }
}

/// A column text that does not fit its type.
struct ColumnValueError: Error, Sendable, Hashable {
    var text: String
    var expected: String
}
