/// A calendar date (no time, no zone) read from the ways people and systems
/// write a birthday: `1990-05-17`, `1990-05-17T08:00:00Z`, `19900517`,
/// `17.05.1990`, `05/17/1990`, `17 May 1990`, `May 17, 1990`, `17. Mai 1990`.
///
/// Numeric day-month order: with `/` the US order (month first) unless the
/// first number is above 12; with `.` or `-` the European order (day first)
/// unless the second number is above 12. A leading four-digit number is
/// always the year.
struct CalendarDate: Sendable, Hashable {
    let year: Int
    let month: Int
    let day: Int

    /// `19900517`, the form Meta's `DOB` fields and most platforms hash.
    var compact: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }
    var yearText: String { pad(year, 4) }
    var monthText: String { pad(month, 2) }
    var dayText: String { pad(day, 2) }

    init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init?(parsing text: String) {
        let tokens = Self.tokens(of: text)
        if tokens.count == 1, tokens[0].count == 8, let number = Int(tokens[0]) {
            self.init(year: number / 10_000, month: number / 100 % 100, day: number % 100)
            return
        }
        guard tokens.count >= 3 else { return nil }
        if let year = Int(tokens[0]), tokens[0].count == 4 {
            // ISO order; anything after the day (a time) is ignored.
            guard let month = Self.month(tokens[1]), let day = Int(tokens[2]) else { return nil }
            self.init(year: year, month: month, day: day)
            return
        }
        guard tokens.count == 3, let year = Int(tokens[2]), tokens[2].count == 4 else { return nil }
        if let first = Int(tokens[0]), let second = Int(tokens[1]) {
            let slash = text.contains("/")
            let monthFirst = slash ? first <= 12 : second > 12
            self.init(year: year, month: monthFirst ? first : second, day: monthFirst ? second : first)
        } else if let day = Int(tokens[0]), let month = Self.monthName(tokens[1]) {
            self.init(year: year, month: month, day: day)
        } else if let month = Self.monthName(tokens[0]), let day = Int(tokens[1]) {
            self.init(year: year, month: month, day: day)
        } else {
            return nil
        }
    }

    /// A month given as a number (`5`, `05`) or a name (`May`, `mai`, `Sept.`).
    static func month(_ token: String) -> Int? {
        if let number = Int(token) { return (1...12).contains(number) ? number : nil }
        return monthName(token)
    }

    private static func monthName(_ token: String) -> Int? {
        let key = CountryCode.lookupKey(token)
        guard key.count >= 3 else { return nil }
        return monthNames.first { $0.names.contains { $0.hasPrefix(key) || key == $0 } }?.month
    }

    /// English, German and French month names; a name matches by prefix (`sep`, `sept`, `september`).
    private static let monthNames: [(month: Int, names: [String])] = [
        (1, ["january", "januar", "janvier", "jaenner", "janner"]), (2, ["february", "februar", "fevrier"]),
        (3, ["march", "maerz", "marz", "mars"]), (4, ["april", "avril"]), (5, ["may", "mai"]),
        (6, ["june", "juni", "juin"]), (7, ["july", "juli", "juillet"]), (8, ["august", "aout"]),
        (9, ["september", "septembre"]), (10, ["october", "oktober", "octobre"]),
        (11, ["november", "novembre"]), (12, ["december", "dezember", "decembre"]),
    ]

    /// Runs of letters or digits; separators (`-./, ` and `T`-less spaces) split them.
    private static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for character in text {
            let isDigit = character.isASCII && character.isNumber
            let isLetter = character.isLetter
            if (isDigit || isLetter), current.isEmpty || currentIsDigit == isDigit {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = (isDigit || isLetter) ? String(character) : ""
            }
            currentIsDigit = isDigit
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
