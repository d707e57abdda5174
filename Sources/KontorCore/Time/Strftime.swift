/// Formats a `ZonedDateTime` with a `StrftimePattern`, like Python's
/// `datetime.strftime` in the C locale, plus Airbyte's `%s` and `%ms`.
///
/// Example: `%Y-%m-%dT%H:%M:%S.%f%z` gives `2024-03-05T07:08:09.000123+0000`.
enum Strftime {
    static func format(_ value: ZonedDateTime, pattern: StrftimePattern) -> String {
        let fields = value.fields
        var output = ""
        for part in pattern.parts {
            switch part {
            case .literal(let text): output += text
            case .field(let field, let padded): append(field, padded: padded, of: value, fields: fields, to: &output)
            }
        }
        return output
    }

    static func format(_ value: ZonedDateTime, pattern: String) -> String {
        format(value, pattern: StrftimePattern(pattern))
    }

    private static func append(
        _ field: StrftimePattern.Field, padded: Bool, of value: ZonedDateTime, fields: CivilFields, to output: inout String
    ) {
        func number(_ number: Int, width: Int, pad: Character = "0") {
            let digits = String(number)
            if padded, digits.count < width { output += String(repeating: pad, count: width - digits.count) }
            output += digits
        }
        switch field {
        case .weekdayShort: output += StrftimePattern.weekdayNames[fields.weekdayFromSunday].prefix(3)
        case .weekdayLong: output += StrftimePattern.weekdayNames[fields.weekdayFromSunday]
        case .monthShort: output += StrftimePattern.monthNames[fields.month - 1].prefix(3)
        case .monthLong: output += StrftimePattern.monthNames[fields.month - 1]
        case .dateAndTime: output += format(value, pattern: "%a %b %e %H:%M:%S %Y")
        case .day: number(fields.day, width: 2)
        case .dayBlankPadded: number(fields.day, width: 2, pad: " ")
        case .microsecond: number(fields.microsecond, width: 6)
        case .isoDate: output += format(value, pattern: "%Y-%m-%d")
        case .hour: number(fields.hour, width: 2)
        case .hour12: number(fields.hour % 12 == 0 ? 12 : fields.hour % 12, width: 2)
        case .dayOfYear: number(fields.dayOfYear, width: 3)
        case .month: number(fields.month, width: 2)
        case .minute: number(fields.minute, width: 2)
        case .amPm: output += fields.hour < 12 ? "AM" : "PM"
        case .second: number(fields.second, width: 2)
        case .epochSeconds: output += String(value.microseconds.floorDivided(by: 1_000_000).quotient)
        case .epochMilliseconds: output += String(value.microseconds.floorDivided(by: 1000).quotient)
        case .time: output += format(value, pattern: "%H:%M:%S")
        case .weekdayFromMonday: output += String(fields.weekdayFromSunday == 0 ? 7 : fields.weekdayFromSunday)
        case .weekdayFromSunday: output += String(fields.weekdayFromSunday)
        case .year2: number(fields.year % 100, width: 2)
        case .year: number(fields.year, width: 4)
        case .utcOffset: output += offsetText(value.utcOffset, separator: "")
        case .zoneName: output += value.utcOffset == 0 ? "UTC" : offsetText(value.utcOffset, separator: ":")
        case .usDate: output += format(value, pattern: "%m/%d/%y")
        case .hourMinute: output += format(value, pattern: "%H:%M")
        }
    }

    /// `+0000`, `-0530`, or with a separator `+05:30`.
    static func offsetText(_ offset: Int, separator: String) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return sign + (hours < 10 ? "0" : "") + String(hours) + separator + (rest < 10 ? "0" : "") + String(rest)
    }
}
