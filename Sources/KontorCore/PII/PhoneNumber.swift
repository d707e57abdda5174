import Foundation

/// A phone number in international form, read from what people type:
/// `+49 (0)151 1234-5678`, `0049 151 12345678`, or `0151 12345678` with a
/// default country of `DE` all give `+4915112345678`.
///
/// Why: Google Customer Match wants E.164 (`+4915112345678`), Meta and TikTok
/// want the same digits without `+` (`4915112345678`); both need the country
/// code, which national numbers lack.
///
/// Rules, in order:
/// - a leading `+`, `00` (or `011` when the default country is US/CA) marks an
///   international number; the calling code is read from the ITU table and a
///   trunk `0` after it (the `(0)` convention) is dropped;
/// - otherwise a default country is required: its trunk prefix (`0`, `1` in
///   North America) is dropped, or digits that already start with its calling
///   code are taken as international, else the digits are the national number;
/// - the national number must have a plausible length for the country
///   (`NationalNumbering`), and the whole number at most 15 digits.
public struct PhoneNumber: Sendable, Hashable {
    /// The country calling code without `+` (`49`).
    public let callingCode: String
    /// The national significant number, without trunk prefix (`15112345678`).
    public let nationalNumber: String

    /// `+4915112345678`: the form Google Customer Match hashes.
    public var e164: String { "+" + callingCode + nationalNumber }

    /// `4915112345678`: the form Meta and TikTok hash (no `+`, no leading zeros).
    public var digits: String { callingCode + nationalNumber }

    /// Parses `text`; `nil` when no country can be determined or the digit count is implausible.
    /// - Parameter defaultCountry: alpha-2, alpha-3 or name of the country national numbers belong to.
    public init?(parsing text: String, defaultCountry: String? = nil) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = Self.decimalDigits(of: trimmed)
        guard !digits.isEmpty else { return nil }
        let country = defaultCountry.flatMap(CountryCode.alpha2(for:))
        let parsed: (String, String)?
        if trimmed.hasPrefix("+") || trimmed.hasPrefix("\u{FF0B}") {
            parsed = Self.international(digits)
        } else if digits.hasPrefix("00") {
            parsed = Self.international(String(digits.dropFirst(2)))
        } else if country == "US" || country == "CA", digits.hasPrefix("011") {
            parsed = Self.international(String(digits.dropFirst(3)))
        } else if let country {
            parsed = Self.national(digits, country: country)
        } else {
            parsed = nil
        }
        guard let (code, national) = parsed, code.count + national.count <= 15 else { return nil }
        self.callingCode = code
        self.nationalNumber = national
    }

    /// The decimal digits of `text` as ASCII (full-width and other scripts' digits included).
    static func decimalDigits(of text: String) -> String {
        var digits = ""
        for scalar in text.unicodeScalars where scalar.properties.generalCategory == .decimalNumber {
            if let value = scalar.properties.numericValue { digits += String(Int(value)) }
        }
        return digits
    }

    private static func international(_ digits: String) -> (String, String)? {
        guard let (code, rest) = CallingCode.split(digits) else { return nil }
        let plan = CallingCode.mainCountry(of: code).flatMap(NationalNumbering.of(country:)) ?? .generic
        var national = Substring(rest)
        if plan.trunkPrefix == "0", national.hasPrefix("0") { national = national.dropFirst() }
        guard plan.lengths.contains(national.count) else { return nil }
        return (code, String(national))
    }

    private static func national(_ digits: String, country: String) -> (String, String)? {
        guard let code = CallingCode.of(country: country) else { return nil }
        let plan = NationalNumbering.of(country: country) ?? .generic
        let trunk = plan.trunkPrefix
        if !trunk.isEmpty, digits.hasPrefix(trunk) {
            let rest = String(digits.dropFirst(trunk.count))
            return plan.lengths.contains(rest.count) ? (code, rest) : nil
        }
        if digits.hasPrefix(code) {
            var rest = Substring(digits.dropFirst(code.count))
            if trunk == "0", rest.hasPrefix("0") { rest = rest.dropFirst() }
            if plan.lengths.contains(rest.count) { return (code, String(rest)) }
        }
        return plan.lengths.contains(digits.count) ? (code, digits) : nil
    }
}
