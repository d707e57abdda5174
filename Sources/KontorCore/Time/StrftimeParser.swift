/// Parses text with a `StrftimePattern`, like Python's `datetime.strptime`
/// (the whole text must match), plus Airbyte's `%s` and `%ms`.
///
/// A text without an offset is taken as UTC, as Airbyte's `DatetimeParser` does.
/// Whitespace in the pattern matches one or more whitespace characters.
enum StrftimeParser {
    static func parse(_ text: String, pattern: StrftimePattern) -> ZonedDateTime? {
        var state = State(input: Array(text.utf8))
        guard state.match(pattern.parts), state.position == state.input.count else { return nil }
        return state.result()
    }

    private struct State {
        let input: [UInt8]
        var position = 0
        var fields = CivilFields(year: 1900, month: 1, day: 1)
        var utcOffset: Int?
        var epochMicroseconds: Int64?
        var hour12: Int?
        var isPM: Bool?
        var dayOfYear: Int?

        init(input: [UInt8]) { self.input = input }

        mutating func match(_ parts: [StrftimePattern.Part]) -> Bool {
            for part in parts {
                switch part {
                case .literal(let literal):
                    guard matchLiteral(literal) else { return false }
                case .field(let field, _):
                    guard matchField(field) else { return false }
                }
            }
            return true
        }

        mutating func matchLiteral(_ literal: String) -> Bool {
            for byte in literal.utf8 {
                if Self.isSpace(byte) {
                    guard position < input.count, Self.isSpace(input[position]) else { return false }
                    while position < input.count, Self.isSpace(input[position]) { position += 1 }
                } else {
                    guard position < input.count, input[position] == byte else { return false }
                    position += 1
                }
            }
            return true
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

        mutating func number(maxDigits: Int, minDigits: Int = 1) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, position < input.count, (48...57).contains(input[position]) {
                value = value * 10 + Int(input[position] - 48)
                position += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }

        mutating func signedNumber(maxDigits: Int) -> Int? {
            var negative = false
            if position < input.count, input[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            guard let value = number(maxDigits: maxDigits) else { return nil }
            return negative ? -value : value
        }

        mutating func name(_ names: [String]) -> Int? {
            for candidates in [names, names.map { String($0.prefix(3)) }] {
                for (index, candidate) in candidates.enumerated() {
                    let bytes = Array(candidate.lowercased().utf8)
                    let end = position + bytes.count
                    guard end <= input.count else { continue }
                    let slice = input[position..<end].map { (65...90).contains($0) ? $0 + 32 : $0 }
                    if slice == bytes {
                        position = end
                        return index
                    }
                }
            }
            return nil
        }

        mutating func matchField(_ field: StrftimePattern.Field) -> Bool {
            switch field {
            case .year: return assign(number(maxDigits: 4, minDigits: 4)) { $0.fields.year = $1 }
            case .year2: return assign(number(maxDigits: 2, minDigits: 2)) { $0.fields.year = $1 < 69 ? 2000 + $1 : 1900 + $1 }
            case .month: return assign(number(maxDigits: 2)) { $0.fields.month = $1 }
            case .day, .dayBlankPadded:
                while position < input.count, input[position] == 32 { position += 1 }
                return assign(number(maxDigits: 2)) { $0.fields.day = $1 }
            case .hour: return assign(number(maxDigits: 2)) { $0.fields.hour = $1 }
            case .hour12: return assign(number(maxDigits: 2)) { $0.hour12 = $1 }
            case .minute: return assign(number(maxDigits: 2)) { $0.fields.minute = $1 }
            case .second: return assign(number(maxDigits: 2)) { $0.fields.second = $1 }
            case .dayOfYear: return assign(number(maxDigits: 3)) { $0.dayOfYear = $1 }
            case .microsecond:
                let start = position
                guard let digits = number(maxDigits: 6) else { return false }
                var value = digits
                for _ in 0..<(6 - (position - start)) { value *= 10 }
                fields.microsecond = value
                return true
            case .epochSeconds: return assign(signedNumber(maxDigits: 12)) { $0.epochMicroseconds = Int64($1) * 1_000_000 }
            case .epochMilliseconds: return assign(signedNumber(maxDigits: 15)) { $0.epochMicroseconds = Int64($1) * 1000 }
            case .weekdayShort, .weekdayLong: return name(StrftimePattern.weekdayNames) != nil
            case .monthShort, .monthLong: return assign(name(StrftimePattern.monthNames)) { $0.fields.month = $1 + 1 }
            case .weekdayFromMonday, .weekdayFromSunday: return number(maxDigits: 1) != nil
            case .amPm: return assign(name(["AM", "PM"])) { $0.isPM = $1 == 1 }
            case .utcOffset: return matchOffset()
            case .zoneName:
                guard name(["UTC", "GMT", "Z"]) != nil else { return false }
                utcOffset = 0
                return true
            case .dateAndTime: return match(StrftimePattern("%a %b %e %H:%M:%S %Y").parts)
            case .isoDate: return match(StrftimePattern("%Y-%m-%d").parts)
            case .time: return match(StrftimePattern("%H:%M:%S").parts)
            case .usDate: return match(StrftimePattern("%m/%d/%y").parts)
            case .hourMinute: return match(StrftimePattern("%H:%M").parts)
            }
        }

        mutating func assign(_ value: Int?, _ apply: (inout State, Int) -> Void) -> Bool {
            guard let value else { return false }
            apply(&self, value)
            return true
        }

        mutating func matchOffset() -> Bool {
            guard position < input.count else { return false }
            let sign = input[position]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                position += 1
                utcOffset = 0
                return true
            }
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
            position += 1
            guard let hours = number(maxDigits: 2, minDigits: 2) else { return false }
            var minutes = 0
            var seconds = 0
            if position < input.count, input[position] == UInt8(ascii: ":") { position += 1 }
            if let value = number(maxDigits: 2, minDigits: 2) {
                minutes = value
                if position < input.count, input[position] == UInt8(ascii: ":") { position += 1 }
                seconds = number(maxDigits: 2, minDigits: 2) ?? 0
            }
            guard hours < 24, minutes < 60, seconds < 60 else { return false }
            let total = hours * 3600 + minutes * 60 + seconds
            utcOffset = sign == UInt8(ascii: "-") ? -total : total
            return true
        }

        func result() -> ZonedDateTime? {
            if let epochMicroseconds {
                return ZonedDateTime(microseconds: epochMicroseconds, utcOffset: utcOffset ?? 0)
            }
            var fields = fields
            if let hour12 {
                guard (1...12).contains(hour12) else { return nil }
                fields.hour = hour12 % 12 + (isPM == true ? 12 : 0)
            }
            if let dayOfYear {
                let days = CivilFields.days(year: fields.year, month: 1, day: 1) + dayOfYear - 1
                let civil = CivilFields(days: days)
                guard civil.year == fields.year, dayOfYear >= 1 else { return nil }
                (fields.month, fields.day) = (civil.month, civil.day)
            }
            return ZonedDateTime(fields: fields, utcOffset: utcOffset ?? 0)
        }
    }
}
