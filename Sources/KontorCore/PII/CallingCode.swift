/// Country calling codes (E.164 prefixes) and the national numbering rules
/// the phone normaliser needs to turn local numbers into international ones.
enum CallingCode {
    /// The calling code (without `+`) of an alpha-2 country code.
    static func of(country alpha2: String) -> String? {
        byCountry[alpha2.uppercased()]
    }

    /// Splits international digits (after `+` or `00`) into calling code and the rest.
    /// Calling codes are prefix-free, so at most one of the 1-, 2- and 3-digit prefixes is assigned.
    static func split(_ digits: String) -> (code: String, rest: String)? {
        for length in 1...3 where digits.count > length {
            let code = String(digits.prefix(length))
            if allCodes.contains(code) { return (code, String(digits.dropFirst(length))) }
        }
        return nil
    }

    /// The country whose numbering plan applies to a shared calling code (`1` → US, `7` → RU, `44` → GB).
    static func mainCountry(of code: String) -> String? {
        if let main = mainCountries[code] { return main }
        return byCountry.first { $0.value == code }?.key
    }

    private static let allCodes: Set<String> = Set(byCountry.values)

    private static let mainCountries: [String: String] = [
        "1": "US", "7": "RU", "39": "IT", "44": "GB", "47": "NO", "61": "AU",
        "212": "MA", "262": "RE", "358": "FI", "590": "GP", "599": "CW",
    ]
}
