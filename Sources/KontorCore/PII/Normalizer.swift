import Foundation

/// The PII normalisers ad and email platforms require before matching or hashing.
///
/// Every normaliser first trims surrounding whitespace and returns `nil` for a
/// value that is blank or cannot be normalised (a phone without a country, an
/// unknown gender). Which one a platform needs is listed in `docs/mapping.md`:
/// Google Customer Match hashes `email_google`/`email` and `phone_e164`
/// (`+4915112345678`); Meta Custom Audiences hashes `email` and `digits`
/// (`4915112345678`) plus `name`, `city`, `state`, `zip`, `country`, `gender`, `date`.
///
/// ```swift
/// Normalizer.phoneE164.normalize("0151 12345678", defaultCountry: "DE")  // "+4915112345678"
/// Normalizer.email.normalize(" Test@Example.COM ")                      // "test@example.com"
/// ```
public enum Normalizer: String, Sendable, CaseIterable, Codable {
    /// Trim and lowercase (all whitespace removed).
    case email
    /// `email`, and for gmail.com/googlemail.com also drop dots and a `+tag` in the local part.
    case emailGoogle = "email_google"
    /// E.164 with `+` (Google); national numbers need a default country.
    case phoneE164 = "phone_e164"
    /// A phone's E.164 digits without `+` (Meta, TikTok); otherwise digits only without leading zeros.
    case digits
    /// Trim, lowercase, strip Unicode punctuation (Meta `FN`/`LN`).
    case name
    /// Lowercase, only letters and digits (Meta `CT`).
    case city
    /// US state names to their 2-letter code, lowercase; other regions like `city` (Meta `ST`).
    case state
    /// Lowercase, no spaces; a US ZIP+4 or any US zip gives its first 5 digits (Meta `ZIP`).
    case zip
    /// ISO 3166-1 alpha-2, lowercase, from codes and names (Meta `COUNTRY`).
    case country
    /// `m` or `f` (Meta `GEN`).
    case gender
    /// `YYYYMMDD` (Meta `DOB`).
    case date
    /// Only trim surrounding whitespace.
    case trim
    /// Trim and lowercase (Google first/last names keep punctuation).
    case lowercase
    /// The first letter of `name` (Meta `FI`).
    case firstInitial = "first_initial"
    /// The four-digit year of a date, or a year itself (Meta `DOBY`).
    case year
    /// The two-digit month of a date, a month number or name (Meta `DOBM`).
    case month
    /// The two-digit day of a date or a day number (Meta `DOBD`).
    case day

    /// The normalised value, or `nil` when the input cannot be normalised (an empty string, a phone without digits).
    /// - Parameter defaultCountry: the country of national phone numbers and of zips (alpha-2, alpha-3 or name).
    public func normalize(_ value: String, defaultCountry: String? = nil) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let result = normalizeTrimmed(trimmed, defaultCountry: defaultCountry),
            !result.isEmpty
        else { return nil }
        return result
    }

    private func normalizeTrimmed(_ value: String, defaultCountry: String?) -> String? {
        switch self {
        case .email: return Self.email(value)
        case .emailGoogle: return Self.googleEmail(value)
        case .phoneE164: return PhoneNumber(parsing: value, defaultCountry: defaultCountry)?.e164
        case .digits: return PhoneNumber(parsing: value, defaultCountry: defaultCountry)?.digits ?? Self.plainDigits(value)
        case .name: return Self.name(value)
        case .city: return Self.lettersAndDigits(value.lowercased())
        case .state: return Self.state(value)
        case .zip: return Self.zip(value, country: defaultCountry.flatMap(CountryCode.alpha2(for:)))
        case .country: return CountryCode.alpha2(for: value)?.lowercased()
        case .gender: return Self.gender(value)
        case .date: return CalendarDate(parsing: value)?.compact
        case .trim: return value
        case .lowercase: return value.lowercased()
        case .firstInitial: return Self.name(value).first.map { String($0) }
        case .year: return Self.year(value)
        case .month: return Self.month(value)
        case .day: return Self.day(value)
        }
    }
}
