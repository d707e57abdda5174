import Foundation

extension Normalizer {
    static func email(_ value: String) -> String {
        String(value.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)).lowercased()
    }

    /// Google's rule for Gmail addresses: dots and a `+tag` in the local part do not change the mailbox.
    static func googleEmail(_ value: String) -> String {
        let address = email(value)
        guard let at = address.lastIndex(of: "@") else { return address }
        let domain = address[address.index(after: at)...]
        guard domain == "gmail.com" || domain == "googlemail.com" else { return address }
        let local = address[..<at].prefix { $0 != "+" }.filter { $0 != "." }
        return local + "@" + domain
    }

    /// Digits only, without leading zeros: Meta's rule for a phone already in international form.
    static func plainDigits(_ value: String) -> String {
        String(PhoneNumber.decimalDigits(of: value).drop { $0 == "0" })
    }

    static func name(_ value: String) -> String {
        let scalars = value.lowercased().unicodeScalars.filter { !isPunctuation($0) }
        return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Letters (with their combining marks) and digits only: removes spaces, punctuation, symbols and `_`.
    static func lettersAndDigits(_ value: String) -> String {
        let scalars = value.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.generalCategory == .decimalNumber
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func state(_ value: String) -> String? {
        var text = value
        if text.count > 3, text.uppercased().hasPrefix("US-") { text = String(text.dropFirst(3)) }
        if let code = USState.code(for: text) { return code.lowercased() }
        return lettersAndDigits(text.lowercased())
    }

    static func zip(_ value: String, country: String?) -> String {
        var zip = String(value.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)).lowercased()
        let digits = zip.filter { $0.isASCII && $0.isNumber }
        let isZipPlus4 = digits.count == 9 && zip.count == 10 && zip.firstIndex(of: "-") == zip.index(zip.startIndex, offsetBy: 5)
        if country == "US" || isZipPlus4 {
            if let dash = zip.firstIndex(of: "-") { zip = String(zip[..<dash]) }
            if country == "US", zip.count > 5, zip.allSatisfy({ $0.isASCII && $0.isNumber }) { zip = String(zip.prefix(5)) }
        }
        return zip
    }

    static func gender(_ value: String) -> String? {
        let key = CountryCode.lookupKey(value)
        if maleWords.contains(key) { return "m" }
        if femaleWords.contains(key) { return "f" }
        return nil
    }

    static func year(_ value: String) -> String? {
        if value.count == 4, let year = Int(value), (1000...9999).contains(year) { return value }
        return CalendarDate(parsing: value)?.yearText
    }

    static func month(_ value: String) -> String? {
        if let date = CalendarDate(parsing: value) { return date.monthText }
        return CalendarDate.month(value).map { $0 < 10 ? "0\($0)" : "\($0)" }
    }

    static func day(_ value: String) -> String? {
        if let date = CalendarDate(parsing: value) { return date.dayText }
        guard let day = Int(value), (1...31).contains(day) else { return nil }
        return day < 10 ? "0\(day)" : "\(day)"
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Words for male and female in English, German and French (lookup keys: letters only, no diacritics).
    private static let maleWords: Set<String> = [
        "m", "male", "man", "boy", "mr", "mister", "herr", "mann", "mannlich", "maennlich", "junge", "homme", "masculin",
    ]
    private static let femaleWords: Set<String> = [
        "f", "female", "woman", "girl", "mrs", "ms", "miss", "w", "frau", "weiblich", "madchen", "maedchen",
        "femme", "feminin",
    ]
}
