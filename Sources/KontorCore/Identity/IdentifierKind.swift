/// A kind of identifier that can join messages to one profile: `user_id`,
/// `email`, `phone`, `anonymous_id`, or a source's own id such as
/// `shopify_customer_id` or `hubspot_id` (declared in `identity.keys`).
///
/// Kinds are open: a source plugin's `emit.identifiers` may name any kind, and
/// `IdentityRules.keys` decides which of them resolve identities.
///
/// ```swift
/// let kind: IdentifierKind = "shopify_customer_id"
/// kind == .email   // false
/// ```
public struct IdentifierKind: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The Segment `userId`: the customer's stable id (login, customer number).
    public static let userID: IdentifierKind = "user_id"
    /// The Segment `anonymousId`: a browser or device cookie before sign-in.
    public static let anonymousID: IdentifierKind = "anonymous_id"
    /// An email address, normalised (trimmed, lowercase).
    public static let email: IdentifierKind = "email"
    /// A phone number in E.164 (`+4915112345678`).
    public static let phone: IdentifierKind = "phone"
    /// A device id (advertising id, push token owner).
    public static let deviceID: IdentifierKind = "device_id"

    /// Kinds whose values are normalised before they join profiles.
    var normalizer: Normalizer? {
        switch self {
        case .email: return .email
        case .phone: return .phoneE164
        default: return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: IdentifierKind, rhs: IdentifierKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
