import Foundation

/// The one textual form of an instant in every store: UTC ISO-8601 with
/// exactly three fractional digits, e.g. `2024-05-01T10:00:00.123Z`.
///
/// Why: a fixed-width UTC form sorts lexicographically in time order, so
/// lease and schedule comparisons work on the stored text, and it reads well
/// in `sqlite3`. Instants are kept to the millisecond (rounded to the nearest)
/// and read back as `Date(timeIntervalSince1970: Double(milliseconds) / 1000)`;
/// see ``normalized(_:)``. Years outside 0000…9999 are clamped to that range.
///
/// ```swift
/// StoreTimestamp.string(from: Date(timeIntervalSince1970: 0.5))  // "1970-01-01T00:00:00.500Z"
/// ```
public enum StoreTimestamp {
    static let millisecondsPerDay: Int64 = 86_400_000
    static let minimumMilliseconds: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00.000Z
    static let maximumMilliseconds: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z

    /// The stored text of `date`.
    public static func string(from date: Date) -> String {
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let clamped = raw.isNaN ? 0 : min(max(raw, Double(minimumMilliseconds)), Double(maximumMilliseconds))
        let milliseconds = Int64(clamped)
        let days = floorDivide(milliseconds, millisecondsPerDay)
        let ofDay = milliseconds - days * millisecondsPerDay
        let (year, month, day) = civilDate(fromDays: days)
        let hour = ofDay / 3_600_000
        let minute = ofDay / 60_000 % 60
        let second = ofDay / 1000 % 60
        let fraction = ofDay % 1000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2)
            + ":" + pad(second, 2) + "." + pad(fraction, 3) + "Z"
    }

    /// `date` as a store gives it back: rounded to the millisecond and rebuilt
    /// as `milliseconds / 1000`. Compare with this when a test checks a stored instant.
    public static func normalized(_ date: Date) -> Date {
        Self.date(from: string(from: date)) ?? date
    }

    /// The instant `text` names, or `nil` when it is not
    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Fraction digits beyond
    /// milliseconds are ignored.
    public static func date(from text: String) -> Date? {
        guard let milliseconds = milliseconds(from: text) else { return nil }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Milliseconds since 1970 of `text` (see ``date(from:)``).
    static func milliseconds(from text: String) -> Int64? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
            let second = scanner.number(2)
        else { return nil }
        var fraction: Int64 = 0
        if scanner.skip(".") {
            var digits = 0
            while let digit = scanner.number(1) {
                if digits < 3 { fraction = fraction * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { fraction *= 10 }
        }
        guard let offset = scanner.offsetMinutes(), scanner.atEnd else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24,
            minute < 60, second < 60
        else { return nil }
        let days = days(fromYear: year, month: month, day: day)
        let secondsOfDay = hour * 3600 + minute * 60 + second - offset * 60
        return (days * 86_400 + secondsOfDay) * 1000 + fraction
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian date of a day number.
    private static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Howard Hinnant's `days_from_civil`: day number of a proleptic Gregorian date.
    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Reads fixed-width ASCII digit groups and separators for ``StoreTimestamp``.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func number(_ width: Int) -> Int64? {
        guard index + width <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        index += width
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// `Z` → 0; `±HH:MM` → signed minutes east of UTC; else `nil`.
    mutating func offsetMinutes() -> Int64? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int64
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes)
    }
}
