import Foundation

/// Parses the durations used across configuration: short forms (`500ms`, `5s`,
/// `15m`, `1h`, `7d`, `2w`, `3y`, also combined as `1h30m`) and ISO-8601
/// (`PT1S`, `P7D`, `P1DT12H`). Years count 365 days, months (ISO `M` before `T`) 30.
public enum DurationParser {
    /// The number of seconds, or `nil` when `text` is not a duration.
    public static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("P") || trimmed.hasPrefix("-P") { return iso8601(trimmed) }
        return short(trimmed)
    }

    private static let shortUnits: [String: TimeInterval] = [
        "ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800, "y": 31_536_000,
    ]

    private static func short(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var index = text.startIndex
        var sawPart = false
        while index < text.endIndex {
            let numberStart = index
            while index < text.endIndex, text[index].isNumber || text[index] == "." { index = text.index(after: index) }
            guard let number = Double(text[numberStart..<index]) else { return nil }
            let unitStart = index
            while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
            guard let unit = shortUnits[String(text[unitStart..<index])] else { return nil }
            total += number * unit
            sawPart = true
        }
        return sawPart ? total : nil
    }

    private static func iso8601(_ text: String) -> TimeInterval? {
        var body = Substring(text)
        var sign: Double = 1
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() }
        guard body.hasPrefix("P") else { return nil }
        body = body.dropFirst()
        var total: TimeInterval = 0
        var inTime = false
        var number = ""
        var sawPart = false
        for character in body {
            if character == "T" {
                guard number.isEmpty, !inTime else { return nil }
                inTime = true
            } else if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
            } else {
                guard let value = Double(number) else { return nil }
                let unit: TimeInterval
                switch (character, inTime) {
                case ("Y", false): unit = 31_536_000
                case ("M", false): unit = 2_592_000
                case ("W", false): unit = 604_800
                case ("D", false): unit = 86_400
                case ("H", true): unit = 3600
                case ("M", true): unit = 60
                case ("S", true): unit = 1
                default: return nil
                }
                total += value * unit
                number = ""
                sawPart = true
            }
        }
        guard number.isEmpty, sawPart else { return nil }
        return sign * total
    }
}
