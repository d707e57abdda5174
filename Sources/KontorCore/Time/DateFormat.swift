import Foundation

/// How a date is written in an API: a connector's `format:` of incremental
/// cursors and `@datetime`, and the `format_datetime` / `strftime` of expressions.
///
/// `rfc3339`, `unix` (epoch seconds), `unix_ms` (epoch milliseconds) and `date`
/// (`YYYY-MM-DD`) are names; anything else is a strftime pattern
/// (`%Y-%m-%dT%H:%M:%S%z`, `%s`, `%ms`). Parsing is lenient where APIs are:
/// `rfc3339` accepts any ISO 8601 form, a text without an offset is UTC.
///
/// ```swift
/// let format = DateFormat("%Y-%m-%d %H:%M")
/// format.string(from: Date(timeIntervalSince1970: 0))   // "1970-01-01 00:00"
/// DateFormat.rfc3339.date(from: "2024-03-05T07:08:09+02:00")
/// ```
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    /// The kind of a format.
    public enum Kind: String, Sendable, Hashable {
        case rfc3339
        case unix
        case unixMilliseconds = "unix_ms"
        case date
        case strftime
    }

    /// The text the format was written as (`rfc3339`, `%Y-%m-%d` …).
    public let text: String
    public let kind: Kind
    let pattern: StrftimePattern

    /// A format from its name or strftime pattern; see `problems` for unknown directives.
    public init(_ text: String) {
        self.text = text
        switch text {
        case "rfc3339": kind = .rfc3339
        case "unix", "%s": kind = .unix
        case "unix_ms", "%ms": kind = .unixMilliseconds
        case "date": kind = .date
        default: kind = .strftime
        }
        switch kind {
        case .date: pattern = StrftimePattern("%Y-%m-%d")
        case .unix: pattern = StrftimePattern("%s")
        case .unixMilliseconds: pattern = StrftimePattern("%ms")
        case .rfc3339, .strftime: pattern = StrftimePattern(text)
        }
    }

    public static let rfc3339 = DateFormat("rfc3339")
    public static let unix = DateFormat("unix")
    public static let unixMilliseconds = DateFormat("unix_ms")
    public static let date = DateFormat("date")

    /// What is wrong with a strftime pattern (`unknown directive '%Q'`); empty when it is usable.
    public var problems: [String] { kind == .strftime ? pattern.problems : [] }

    public var description: String { text }

    /// The date written in this format, in UTC.
    public func string(from date: Date) -> String {
        guard let value = ZonedDateTime(date: date) else { return "" }
        return string(from: value)
    }

    /// The date as a JSON value: an integer for `unix` and `unix_ms`, a string otherwise.
    public func value(from date: Date) -> JSONValue {
        guard let value = ZonedDateTime(date: date) else { return .null }
        switch kind {
        case .unix: return .int(Int(value.microseconds.floorDivided(by: 1_000_000).quotient))
        case .unixMilliseconds: return .int(Int(value.microseconds.floorDivided(by: 1000).quotient))
        default: return .string(string(from: value))
        }
    }

    /// The date this text denotes, or `nil` when it does not match the format.
    public func date(from text: String) -> Date? { zoned(from: text)?.date }

    /// The date a JSON value denotes: strings are parsed; numbers are accepted for `unix` and `unix_ms`.
    public func date(from value: JSONValue) -> Date? {
        switch (value, kind) {
        case (.string(let text), _): return date(from: text)
        case (.int(let number), .unix): return Date(timeIntervalSince1970: Double(number))
        case (.double(let number), .unix): return Date(timeIntervalSince1970: number)
        case (.int(let number), .unixMilliseconds): return Date(timeIntervalSince1970: Double(number) / 1000)
        case (.double(let number), .unixMilliseconds): return Date(timeIntervalSince1970: number / 1000)
        default: return nil
        }
    }

    func string(from value: ZonedDateTime) -> String {
        switch kind {
        case .rfc3339: return Self.rfc3339Text(value)
        case .date: return Strftime.format(value.inUTC, pattern: pattern)
        case .unix, .unixMilliseconds, .strftime: return Strftime.format(value, pattern: pattern)
        }
    }

    func zoned(from text: String) -> ZonedDateTime? {
        switch kind {
        case .rfc3339: return Self.parseISO8601(text)
        case .unix:
            if let seconds = Double(text), seconds.isFinite, abs(seconds) < 9e12 {
                return ZonedDateTime(microseconds: Int64((seconds * 1_000_000).rounded()))
            }
            return nil
        case .unixMilliseconds:
            if let milliseconds = Double(text), milliseconds.isFinite, abs(milliseconds) < 9e15 {
                return ZonedDateTime(microseconds: Int64((milliseconds * 1000).rounded()))
            }
            return nil
        case .date, .strftime: return StrftimeParser.parse(text, pattern: pattern)
        }
    }
}
