/// One ISO 3166-1 country: the data behind the `country` normaliser and the
/// `default_country` setting of the phone normaliser.
struct ISOCountry: Sendable {
    let alpha2: String
    let alpha3: String
    let names: [String]

    init(_ alpha2: String, _ alpha3: String, _ names: [String]) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.names = names
    }
}
