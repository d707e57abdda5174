import Foundation

/// Formats and parses the timestamp spellings the emulated APIs use, without Foundation formatters
/// (fast and identical on every platform). All formatting is in UTC.
public enum EmulatorTimestamp {
    /// How a timestamp is written.
    public enum Style: Sendable {
        /// `2024-03-01T12:00:00Z` (Typeform, HubSpot without millis).
        case zulu
        /// `2024-03-01T12:00:00.000Z` (HubSpot).
        case zuluMilliseconds
        /// `2024-03-01T12:00:00+00:00` (Shopify, SurveyMonkey).
        case offset
        /// `2024-03-01T12:00:00+0000` (Meta Graph).
        case compactOffset
        /// `2024-03-01T12:00:00.000+0000` (Salesforce).
        case millisecondsCompactOffset
        /// `2024-03-01T12:00:00` (WooCommerce, no zone).
        case local
    }

    /// Writes `date` in `style`.
    public static func format(_ date: Date, _ style: Style) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let millis = Int(((date.timeIntervalSince1970 - Double(total)) * 1000).rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let seconds = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let base = "\(year.padded(4))-\(month.padded(2))-\(day.padded(2))T"
            + "\((seconds / 3600).padded(2)):\((seconds % 3600 / 60).padded(2)):\((seconds % 60).padded(2))"
        switch style {
        case .zulu: return base + "Z"
        case .zuluMilliseconds: return base + ".\(millis.padded(3))Z"
        case .offset: return base + "+00:00"
        case .compactOffset: return base + "+0000"
        case .millisecondsCompactOffset: return base + ".\(millis.padded(3))+0000"
        case .local: return base
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM|±HHMM]` (no zone means UTC),
    /// or epoch seconds (`1700000000`); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isNumber), let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        let chars = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= chars.count else { return nil }
            var value = 0
            for byte in chars[start..<start + length] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            chars.count >= 10, chars[4] == 45, chars[7] == 45, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = days(fromCivil: year, month, day) * 86_400
        guard chars.count > 10 else { return Date(timeIntervalSince1970: Double(seconds)) }
        guard chars[10] == 84 || chars[10] == 32, let hour = number(11, 2), let minute = number(14, 2),
            let second = number(17, 2)
        else { return nil }
        seconds += hour * 3600 + minute * 60 + second
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == 46 {
            var scale = 0.1
            index += 1
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        if index < chars.count {
            if chars[index] == 90, index + 1 == chars.count {
                index += 1
            } else if chars[index] == 43 || chars[index] == 45 {
                let sign = chars[index] == 43 ? 1 : -1
                let colon = index + 3 < chars.count && chars[index + 3] == 58
                guard let hours = number(index + 1, 2), let minutes = number(index + (colon ? 4 : 3), 2),
                    index + (colon ? 6 : 5) == chars.count
                else { return nil }
                seconds -= sign * (hours * 3600 + minutes * 60)
                index = chars.count
            } else {
                return nil
            }
        }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Milliseconds since 1970 (HubSpot's date property values).
    public static func epochMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    // Howard Hinnant's civil-from-days algorithms.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension Int {
    func padded(_ width: Int) -> String { String(self).leftPadded(to: width) }
}
