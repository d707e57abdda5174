import Foundation

/// Resolves what people write for a country ("DE", "DEU", "Germany",
/// "Deutschland", "U.S.A.") to its ISO 3166-1 alpha-2 code.
///
/// Used by the `country` normaliser (Meta's `COUNTRY`, Google's `country_code`)
/// and to read a `default_country` for phone numbers.
///
/// ```swift
/// CountryCode.alpha2(for: "Österreich")  // "AT"
/// CountryCode.alpha2(for: "usa")         // "US"
/// ```
public enum CountryCode {
    /// The upper-case alpha-2 code, or `nil` when the text names no known country.
    public static func alpha2(for text: String) -> String? {
        let key = lookupKey(text)
        guard !key.isEmpty else { return nil }
        return index[key]
    }

    /// The lookup key of a name: letters only, lower case, without diacritics (`"Côte d'Ivoire"` → `"cotedivoire"`).
    static func lookupKey(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { (97...122).contains($0.value) }))
    }

    /// Alpha-2 and alpha-3 codes first, then English names, then the aliases; the first entry for a key wins.
    private static let index: [String: String] = {
        var index: [String: String] = [:]
        for country in ISOCountry.all {
            index[country.alpha2.lowercased()] = country.alpha2
        }
        for country in ISOCountry.all where index[country.alpha3.lowercased()] == nil {
            index[country.alpha3.lowercased()] = country.alpha2
        }
        for country in ISOCountry.all {
            for name in country.names {
                let key = lookupKey(name)
                if index[key] == nil { index[key] = country.alpha2 }
            }
        }
        for (alias, code) in aliases {
            let key = lookupKey(alias)
            if index[key] == nil { index[key] = code }
        }
        return index
    }()
}
