/// How a country writes phone numbers nationally: the trunk prefix dialled
/// before a national number (`0` in Germany, `1` in the US, none in Italy or
/// Spain) and the plausible length of the national significant number (the
/// digits after the calling code).
struct NationalNumbering: Sendable {
    let trunkPrefix: String
    let lengths: ClosedRange<Int>

    /// The plan of an alpha-2 country, when Kontor knows it.
    static func of(country alpha2: String) -> NationalNumbering? {
        plans[alpha2.uppercased()]
    }

    /// Used for countries without a plan: trunk `0` and any length that keeps the number within E.164's 15 digits.
    static let generic = NationalNumbering(trunkPrefix: "0", lengths: 4...13)

    private static let plans: [String: NationalNumbering] = [
        "DE": .init(trunkPrefix: "0", lengths: 6...13),
        "AT": .init(trunkPrefix: "0", lengths: 4...13),
        "CH": .init(trunkPrefix: "0", lengths: 9...9),
        "LI": .init(trunkPrefix: "", lengths: 7...9),
        "LU": .init(trunkPrefix: "", lengths: 4...11),
        "FR": .init(trunkPrefix: "0", lengths: 9...9),
        "NL": .init(trunkPrefix: "0", lengths: 9...9),
        "BE": .init(trunkPrefix: "0", lengths: 8...9),
        "IT": .init(trunkPrefix: "", lengths: 6...11),
        "ES": .init(trunkPrefix: "", lengths: 9...9),
        "PT": .init(trunkPrefix: "", lengths: 9...9),
        "PL": .init(trunkPrefix: "", lengths: 9...9),
        "CZ": .init(trunkPrefix: "", lengths: 9...9),
        "GB": .init(trunkPrefix: "0", lengths: 7...10),
        "IE": .init(trunkPrefix: "0", lengths: 7...9),
        "DK": .init(trunkPrefix: "", lengths: 8...8),
        "SE": .init(trunkPrefix: "0", lengths: 6...9),
        "NO": .init(trunkPrefix: "", lengths: 8...8),
        "FI": .init(trunkPrefix: "0", lengths: 5...12),
        "US": .init(trunkPrefix: "1", lengths: 10...10),
        "CA": .init(trunkPrefix: "1", lengths: 10...10),
        "AU": .init(trunkPrefix: "0", lengths: 9...9),
        "NZ": .init(trunkPrefix: "0", lengths: 8...10),
    ]
}
