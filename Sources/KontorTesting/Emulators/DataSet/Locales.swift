/// Countries, cities and phone-number shapes people are generated in.
struct CountryProfile: Sendable {
    struct City: Sendable {
        var name: String
        var postalCode: String
        var region: String?
        /// National area code used for landlines, e.g. `30` for Berlin.
        var areaCode: String
    }

    var code: String
    var name: String
    var callingCode: String
    var locale: String
    var currency: String
    var streets: [String]
    var cities: [City]
    /// Mobile prefixes (national significant number starts), e.g. `151` in Germany.
    var mobilePrefixes: [String]
    /// Digits after the prefix.
    var subscriberDigits: Int
    /// Whether the national format starts with a trunk `0`.
    var trunkZero: Bool
}

enum Locales {
    static let countries: [CountryProfile] = [
        CountryProfile(
            code: "US", name: "United States", callingCode: "1", locale: "en-US", currency: "USD",
            streets: ["Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane"],
            cities: [.init(name: "New York", postalCode: "10001", region: "NY", areaCode: "212"),
                     .init(name: "Austin", postalCode: "78701", region: "TX", areaCode: "512"),
                     .init(name: "Portland", postalCode: "97201", region: "OR", areaCode: "503")],
            mobilePrefixes: ["212555", "512555", "503555"], subscriberDigits: 4, trunkZero: false),
        CountryProfile(
            code: "DE", name: "Germany", callingCode: "49", locale: "de-DE", currency: "EUR",
            streets: ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee"],
            cities: [.init(name: "Berlin", postalCode: "10115", region: nil, areaCode: "30"),
                     .init(name: "München", postalCode: "80331", region: nil, areaCode: "89"),
                     .init(name: "Hamburg", postalCode: "20095", region: nil, areaCode: "40")],
            mobilePrefixes: ["151", "160", "171"], subscriberDigits: 7, trunkZero: true),
        CountryProfile(
            code: "GB", name: "United Kingdom", callingCode: "44", locale: "en-GB", currency: "GBP",
            streets: ["High Street", "Station Road", "Church Lane"],
            cities: [.init(name: "London", postalCode: "SW1A 1AA", region: nil, areaCode: "20"),
                     .init(name: "Manchester", postalCode: "M1 1AE", region: nil, areaCode: "161")],
            mobilePrefixes: ["7700900"], subscriberDigits: 3, trunkZero: true),
        CountryProfile(
            code: "FR", name: "France", callingCode: "33", locale: "fr-FR", currency: "EUR",
            streets: ["Rue de la Paix", "Avenue Victor Hugo", "Rue du Moulin"],
            cities: [.init(name: "Paris", postalCode: "75001", region: nil, areaCode: "1"),
                     .init(name: "Lyon", postalCode: "69001", region: nil, areaCode: "4")],
            mobilePrefixes: ["6", "7"], subscriberDigits: 8, trunkZero: true),
        CountryProfile(
            code: "AT", name: "Austria", callingCode: "43", locale: "de-AT", currency: "EUR",
            streets: ["Ringstraße", "Mariahilfer Straße"],
            cities: [.init(name: "Wien", postalCode: "1010", region: nil, areaCode: "1"),
                     .init(name: "Graz", postalCode: "8010", region: nil, areaCode: "316")],
            mobilePrefixes: ["664", "676"], subscriberDigits: 7, trunkZero: true),
        CountryProfile(
            code: "CH", name: "Switzerland", callingCode: "41", locale: "de-CH", currency: "CHF",
            streets: ["Bahnhofstrasse", "Seestrasse"],
            cities: [.init(name: "Zürich", postalCode: "8001", region: nil, areaCode: "44"),
                     .init(name: "Bern", postalCode: "3011", region: nil, areaCode: "31")],
            mobilePrefixes: ["79", "78"], subscriberDigits: 7, trunkZero: true),
        CountryProfile(
            code: "NL", name: "Netherlands", callingCode: "31", locale: "nl-NL", currency: "EUR",
            streets: ["Kerkstraat", "Dorpsstraat"],
            cities: [.init(name: "Amsterdam", postalCode: "1012 AB", region: nil, areaCode: "20")],
            mobilePrefixes: ["6"], subscriberDigits: 8, trunkZero: true),
    ]

    /// Weights matching a German-centred retailer with some international customers.
    static let weights = [20, 35, 12, 10, 10, 8, 5]

    static func pickCountry(_ random: inout SeededRandom) -> CountryProfile {
        var roll = random.int(below: weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return countries[index] }
            roll -= weight
        }
        return countries[0]
    }

    static let firstNames = [
        "Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Emma", "Leon", "Mia", "Paul",
        "Olivia", "James", "Chloé", "Hugo", "Léa", "Jürgen", "Zoë", "Noah", "Amelia", "Oliver",
        "Sanne", "Daan", "Lena", "Elias", "Hannah", "Ben", "Grace", "Liam", "Inès", "Matteo",
    ]
    static let lastNames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Smith", "Johnson", "Brown", "Taylor", "Martin", "Bernard", "Dubois", "Gruber",
        "Huber", "de Vries", "Jansen", "Keller", "Brunner", "O'Brien", "Wilson", "Hoffmann",
    ]
    static let emailDomains = ["example.com", "example.org", "example.net", "mail.example"]
}
