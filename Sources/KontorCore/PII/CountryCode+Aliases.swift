extension CountryCode {
    /// Names in common use that are not ISO names: short forms, German, French and native spellings.
    static let aliases: [String: String] = [
        // English short forms
        "UK": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB",
        "Great Britain": "GB", "Britain": "GB", "Holland": "NL", "The Netherlands": "NL", "America": "US",
        "Russia": "RU", "South Korea": "KR", "North Korea": "KP", "Turkey": "TR", "Macedonia": "MK",
        "Ivory Coast": "CI", "Cape Verde": "CV", "Swaziland": "SZ", "Burma": "MM", "Vatican": "VA",
        "Vatican City": "VA", "Brunei": "BN", "Palestine": "PS", "Czech Republic": "CZ", "Bosnia": "BA",
        "UAE": "AE", "Emirates": "AE", "Moldova": "MD", "Iran": "IR", "Tanzania": "TZ", "Venezuela": "VE",
        "Bolivia": "BO", "Taiwan": "TW", "Hong Kong": "HK", "Macau": "MO", "Micronesia": "FM",
        // German
        "Deutschland": "DE", "Bundesrepublik Deutschland": "DE", "BRD": "DE", "Österreich": "AT",
        "Schweiz": "CH", "Frankreich": "FR", "Niederlande": "NL", "Belgien": "BE", "Luxemburg": "LU",
        "Italien": "IT", "Spanien": "ES", "Polen": "PL", "Großbritannien": "GB", "Vereinigtes Königreich": "GB",
        "Irland": "IE", "Dänemark": "DK", "Schweden": "SE", "Norwegen": "NO", "Finnland": "FI",
        "Vereinigte Staaten": "US", "Vereinigte Staaten von Amerika": "US", "Kanada": "CA",
        "Australien": "AU", "Tschechien": "CZ", "Tschechische Republik": "CZ", "Griechenland": "GR",
        "Türkei": "TR", "Ungarn": "HU", "Rumänien": "RO", "Bulgarien": "BG", "Kroatien": "HR",
        "Slowenien": "SI", "Slowakei": "SK", "Russland": "RU", "Weißrussland": "BY", "Litauen": "LT",
        "Lettland": "LV", "Estland": "EE", "Island": "IS", "Brasilien": "BR", "Mexiko": "MX",
        "Neuseeland": "NZ", "Südafrika": "ZA", "Ägypten": "EG", "Marokko": "MA", "Südkorea": "KR",
        "Vereinigte Arabische Emirate": "AE", "Saudi-Arabien": "SA", "Indien": "IN", "Zypern": "CY",
        // French
        "Allemagne": "DE", "Autriche": "AT", "Suisse": "CH", "Belgique": "BE", "Espagne": "ES",
        "Italie": "IT", "Pays-Bas": "NL", "Royaume-Uni": "GB", "Angleterre": "GB", "États-Unis": "US",
        "Irlande": "IE", "Danemark": "DK", "Suède": "SE", "Norvège": "NO", "Pologne": "PL",
        // Native names
        "Nederland": "NL", "België": "BE", "Svizzera": "CH", "Italia": "IT", "España": "ES",
        "Polska": "PL", "Danmark": "DK", "Sverige": "SE", "Norge": "NO", "Suomi": "FI", "Éire": "IE",
        "Česko": "CZ", "Magyarország": "HU", "Hrvatska": "HR", "Slovensko": "SK", "Slovenija": "SI",
        "Lietuva": "LT", "Latvija": "LV", "Eesti": "EE", "Ísland": "IS", "Brasil": "BR", "México": "MX",
    ]
}
