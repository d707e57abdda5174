import Foundation

/// A point in time plus the UTC offset it is shown in: what Python's aware
/// `datetime` holds, at microsecond precision.
///
/// Dates are kept as whole microseconds since 1970 rather than as a `Date`
/// (a `Double`), so that `%f` and cursor round trips never drift by a microsecond.
struct ZonedDateTime: Sendable, Hashable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    var microseconds: Int64
    /// Seconds east of UTC used when the value is shown (`%z`, `%H`); 0 for UTC.
    var utcOffset: Int

    /// The first and last microsecond Python's `datetime` accepts (years 1 to 9999).
    static let minimumMicroseconds: Int64 = -62_135_596_800_000_000
    static let maximumMicroseconds: Int64 = 253_402_300_799_999_999

    init?(microseconds: Int64, utcOffset: Int = 0) {
        guard microseconds >= Self.minimumMicroseconds, microseconds <= Self.maximumMicroseconds,
            abs(utcOffset) < 86_400
        else { return nil }
        self.microseconds = microseconds
        self.utcOffset = utcOffset
    }

    init?(date: Date) {
        let value = (date.timeIntervalSince1970 * 1_000_000).rounded()
        guard value.isFinite, abs(value) < 9.0e18 else { return nil }
        self.init(microseconds: Int64(value))
    }

    /// The wall-clock fields in `utcOffset`, or `nil` when they are not a valid date.
    init?(fields: CivilFields, utcOffset: Int = 0) {
        guard (1...9999).contains(fields.year), (1...12).contains(fields.month),
            (1...CivilFields.daysIn(month: fields.month, year: fields.year)).contains(fields.day),
            (0...23).contains(fields.hour), (0...59).contains(fields.minute), (0...59).contains(fields.second),
            (0...999_999).contains(fields.microsecond)
        else { return nil }
        let days = Int64(CivilFields.days(year: fields.year, month: fields.month, day: fields.day))
        let seconds = days * 86_400 + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second) - Int64(utcOffset)
        self.init(microseconds: seconds * 1_000_000 + Int64(fields.microsecond), utcOffset: utcOffset)
    }

    var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }

    /// Seconds since 1970 as Python's `datetime.timestamp()` gives them.
    var timestamp: Double { Double(microseconds) / 1_000_000 }

    /// The wall-clock fields in this value's offset.
    var fields: CivilFields {
        let local = microseconds + Int64(utcOffset) * 1_000_000
        let (seconds, micro) = local.floorDivided(by: 1_000_000)
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        return CivilFields(days: Int(days), secondOfDay: Int(secondOfDay), microsecond: Int(micro))
    }

    /// The same instant shown in UTC.
    var inUTC: ZonedDateTime {
        var copy = self
        copy.utcOffset = 0
        return copy
    }

    /// This instant moved by `delta` microseconds, or `nil` outside years 1 to 9999.
    func adding(microseconds delta: Int64) -> ZonedDateTime? {
        let (sum, overflow) = microseconds.addingReportingOverflow(delta)
        guard !overflow else { return nil }
        return ZonedDateTime(microseconds: sum, utcOffset: utcOffset)
    }
}

/// Calendar fields of a proleptic Gregorian date and time (no time zone rules, no locale).
struct CivilFields: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.microsecond) = (hour, minute, second, microsecond)
    }

    init(days: Int, secondOfDay: Int = 0, microsecond: Int = 0) {
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        self.microsecond = microsecond
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int { Self.days(year: year, month: month, day: day) }

    /// 0 = Sunday … 6 = Saturday (strftime `%w`).
    var weekdayFromSunday: Int { ((daysSinceEpoch + 4) % 7 + 7) % 7 }

    /// 1 … 366 (strftime `%j`).
    var dayOfYear: Int { daysSinceEpoch - Self.days(year: year, month: 1, day: 1) + 1 }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Python-style floor division and the matching non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = self / divisor
        var remainder = self % divisor
        if remainder != 0, (remainder < 0) != (divisor < 0) {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}
