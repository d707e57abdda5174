/// US states, the District of Columbia and the inhabited territories, for the
/// `state` normaliser (Meta's `ST`: "US: 2-letter ANSI code, lowercase").
enum USState {
    /// The upper-case 2-letter code of a state code or name (`"New York"`, `"new-york"`, `"NY"` → `"NY"`).
    static func code(for text: String) -> String? {
        let key = CountryCode.lookupKey(text)
        if key.count == 2, names[key.uppercased()] != nil { return key.uppercased() }
        return byName[key]
    }

    private static let byName: [String: String] = {
        var index = Dictionary(uniqueKeysWithValues: names.map { (CountryCode.lookupKey($0.value), $0.key) })
        index["washingtondc"] = "DC"
        index["usvirginislands"] = "VI"
        return index
    }()

    /// Code → name (ISO 3166-2:US, without the minor outlying islands).
    private static let names: [String: String] = [
        "AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AS": "American Samoa", "AZ": "Arizona",
        "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DC": "District of Columbia", "DE": "Delaware",
        "FL": "Florida", "GA": "Georgia", "GU": "Guam", "HI": "Hawaii", "IA": "Iowa",
        "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "KS": "Kansas", "KY": "Kentucky",
        "LA": "Louisiana", "MA": "Massachusetts", "MD": "Maryland", "ME": "Maine", "MI": "Michigan",
        "MN": "Minnesota", "MO": "Missouri", "MP": "Northern Mariana Islands", "MS": "Mississippi", "MT": "Montana",
        "NC": "North Carolina", "ND": "North Dakota", "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey",
        "NM": "New Mexico", "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina",
        "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia",
        "VI": "Virgin Islands", "VT": "Vermont", "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia",
        "WY": "Wyoming",
    ]
}
