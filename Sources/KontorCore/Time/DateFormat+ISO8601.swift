import Foundation

extension DateFormat {
    /// Parses ISO 8601 / RFC 3339 text as `dateutil.parser.isoparse` does:
    /// `2024-03-05`, `20240305`, `2024-03-05T07:08`, `2024-03-05 07:08:09.123456`,
    /// `2024-03-05T07:08:09Z`, `…+02:00`, `…+0200`, `…-05`. Without an offset the text is UTC.
    static func parseISO8601(_ text: String) -> ZonedDateTime? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.digits(4) else { return nil }
        var fields = CivilFields(year: year, month: 1, day: 1)
        if scanner.skip("-") {
            guard let month = scanner.digits(2) else { return nil }
            fields.month = month
            if scanner.skip("-") {
                guard let day = scanner.digits(2) else { return nil }
                fields.day = day
            }
        } else if let month = scanner.digits(2) {
            guard let day = scanner.digits(2) else { return nil }
            (fields.month, fields.day) = (month, day)
        }
        var offset = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.digits(2) else { return nil }
            fields.hour = hour
            let extended = scanner.skip(":")
            if let minute = scanner.digits(2) {
                fields.minute = minute
                if extended ? scanner.skip(":") : true, let second = scanner.digits(2) {
                    fields.second = second
                    if scanner.skip(".") || scanner.skip(",") {
                        guard let micro = scanner.fraction() else { return nil }
                        fields.microsecond = micro
                    }
                }
            }
            if !scanner.atEnd {
                guard let parsed = scanner.utcOffset() else { return nil }
                offset = parsed
            }
        }
        guard scanner.atEnd else { return nil }
        return ZonedDateTime(fields: fields, utcOffset: offset)
    }

    /// RFC 3339 in UTC with `Z`: `2024-03-05T07:08:09Z`, with `.123` or `.123456` when the fraction is not zero.
    static func rfc3339Text(_ value: ZonedDateTime) -> String {
        let utc = value.inUTC
        let micro = utc.fields.microsecond
        let base = Strftime.format(utc, pattern: rfc3339Pattern)
        if micro == 0 { return base + "Z" }
        if micro % 1000 == 0 { return base + "." + String(1000 + micro / 1000).dropFirst() + "Z" }
        return base + "." + String(1_000_000 + micro).dropFirst() + "Z"
    }

    /// Python's `datetime.isoformat()`: `2024-03-05T07:08:09.000123+00:00`.
    static func pythonISOText(_ value: ZonedDateTime) -> String {
        let micro = value.fields.microsecond
        let base = Strftime.format(value, pattern: rfc3339Pattern)
        let fraction = micro == 0 ? "" : "." + String(1_000_000 + micro).dropFirst()
        return base + fraction + Strftime.offsetText(value.utcOffset, separator: ":")
    }

    private static let rfc3339Pattern = StrftimePattern("%Y-%m-%dT%H:%M:%S")
}

/// A cursor over ASCII bytes for the fixed-width ISO 8601 grammar.
private struct DigitScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    func peek(_ character: Unicode.Scalar) -> Bool { position < bytes.count && bytes[position] == UInt8(ascii: character) }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard peek(character) else { return false }
        position += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        position += count
        return value
    }

    /// One or more fraction digits as microseconds (digits past the sixth are dropped).
    mutating func fraction() -> Int? {
        var value = 0
        var count = 0
        while position < bytes.count, (48...57).contains(bytes[position]) {
            if count < 6 { value = value * 10 + Int(bytes[position] - 48) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in 0..<max(0, 6 - count) { value *= 10 }
        return value
    }

    mutating func utcOffset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let negative: Bool
        if skip("+") { negative = false } else if skip("-") { negative = true } else { return nil }
        guard let hours = digits(2), hours < 24 else { return nil }
        var minutes = 0
        if skip(":") {
            guard let value = digits(2) else { return nil }
            minutes = value
        } else if let value = digits(2) {
            minutes = value
        }
        guard minutes < 60 else { return nil }
        let total = hours * 3600 + minutes * 60
        return negative ? -total : total
    }
}
