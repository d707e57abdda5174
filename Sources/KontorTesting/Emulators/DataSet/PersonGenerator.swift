import Foundation

/// Generates the identity (name, email, phone, address) and source-local attributes of people.
struct PersonGenerator {
    /// The seed of the population shared by every data set (fixed, so sources overlap).
    static let sharedPopulationSeed: UInt64 = 0x5EED_C0FF_EE00_0001

    struct Identity {
        var firstName: String
        var lastName: String
        var emailLocal: String
        var emailDomain: String
        var country: CountryProfile
        var city: CountryProfile.City
        var street: String
        var phoneNSN: String?
        var birthday: String?
    }

    /// Identity of shared person `key`: the same in every data set.
    static func sharedIdentity(_ key: Int) -> Identity {
        var random = SeededRandom(seed: sharedPopulationSeed, index: key)
        return identity(&random, emailSuffix: ".\(key)")
    }

    /// Identity of a person only this data set holds.
    static func localIdentity(seed: UInt64, index: Int) -> Identity {
        var random = SeededRandom(seed: seed &+ 0xA11CE, index: index)
        return identity(&random, emailSuffix: ".\(String(seed % 46_656, radix: 36))x\(index)")
    }

    private static func identity(_ random: inout SeededRandom, emailSuffix: String) -> Identity {
        let first = random.pick(Locales.firstNames)
        let last = random.pick(Locales.lastNames)
        let country = Locales.pickCountry(&random)
        let city = random.pick(country.cities)
        let street = "\(random.pick(country.streets)) \(random.int(in: 1...180))"
        var phone: String?
        if random.chance(0.85) {
            let prefix = random.pick(country.mobilePrefixes)
            let digits = (0..<country.subscriberDigits).map { _ in String(random.int(below: 10)) }.joined()
            phone = country.code == "US" ? prefix + "01" + digits.prefix(2) : prefix + digits
        }
        let birthday = random.chance(0.6)
            ? "\(random.int(in: 1950...2004))-\(random.int(in: 1...12).padded(2))-\(random.int(in: 1...28).padded(2))"
            : nil
        return Identity(
            firstName: first, lastName: last,
            emailLocal: "\(ascii(first)).\(ascii(last))\(emailSuffix)", emailDomain: random.pick(Locales.emailDomains),
            country: country, city: city, street: street, phoneNSN: phone, birthday: birthday
        )
    }

    /// Lower-case ASCII for an email local part: `Müller` → `mueller`, `O'Brien` → `obrien`.
    static func ascii(_ name: String) -> String {
        let map: [Character: String] = ["ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "é": "e", "è": "e", "ë": "e", "ï": "i"]
        return name.lowercased().map { map[$0] ?? (($0.isLetter && $0.isASCII) ? String($0) : "") }.joined()
    }

    /// The number as a person might have typed it in a national format: `0151 1234567`, `(212) 555-0123`.
    static func nationalFormat(_ nsn: String, country: CountryProfile) -> String {
        if country.code == "US" {
            let digits = Array(nsn)
            return "(\(String(digits[0..<3]))) \(String(digits[3..<6]))-\(String(digits[6...]))"
        }
        let prefix = country.mobilePrefixes.first { nsn.hasPrefix($0) } ?? String(nsn.prefix(3))
        return (country.trunkZero ? "0" : "") + prefix + " " + nsn.dropFirst(prefix.count)
    }

    static func consent(_ random: inout SeededRandom, weights: [Int]) -> MarketingConsent {
        var roll = random.int(below: weights.reduce(0, +))
        for (state, weight) in zip(MarketingConsent.allCases, weights) {
            if roll < weight { return state }
            roll -= weight
        }
        return .notSubscribed
    }
}
