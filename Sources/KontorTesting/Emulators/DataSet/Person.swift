import Foundation

/// Marketing consent as the sources record it.
public enum MarketingConsent: String, Sendable, Hashable, CaseIterable {
    case subscribed
    case notSubscribed = "not_subscribed"
    case unsubscribed
    case pending
}

/// A postal address.
public struct PostalAddress: Sendable, Hashable {
    public var line1: String
    public var city: String
    public var postalCode: String
    /// State or province code where the country uses one (e.g. `NY`), else nil.
    public var region: String?
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    public var countryCode: String
    public var countryName: String
}

/// A generated customer, as one source holds them.
public struct Person: Sendable, Hashable, Identifiable {
    /// 1-based, stable for a given seed and index.
    public var id: Int
    /// Set when this person also appears in other data sets (same name, email and phone number):
    /// the index in the shared population. Identity resolution should merge these across sources.
    public var sharedKey: Int?
    public var firstName: String
    public var lastName: String
    /// As this source stores it (shared people may differ in letter case between sources).
    public var email: String
    /// As this source stores it: E.164 (`+4930…`) or national format (`030 …`), or nil.
    public var phone: String?
    /// The same number in E.164, or nil.
    public var phoneE164: String?
    public var address: PostalAddress
    public var emailConsent: MarketingConsent
    public var smsConsent: MarketingConsent
    /// e.g. `de-DE`.
    public var locale: String
    public var birthday: String?
    public var tags: [String]
    public var createdAt: Date
    public var updatedAt: Date

    /// `first last`.
    public var fullName: String { "\(firstName) \(lastName)" }
}
