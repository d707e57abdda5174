/// What kind of personal data a destination field holds (`pii:` on an action field).
///
/// The kind chooses the default normaliser; a field's `normalize:` overrides it.
public enum PIIKind: String, Sendable, CaseIterable, Codable {
    case email
    case phone
    case name
    case city
    case state
    case zip
    case country
    case gender
    case date
    /// A mobile advertising id (IDFA/GAID): lowercase, hyphens kept, normally not hashed.
    case maid
    /// The platform's own customer id: sent as it is (trimmed).
    case externalID = "external_id"

    /// The normalisers used when the field declares no `normalize:`.
    ///
    /// `phone` defaults to E.164 with `+` (Google); Meta and TikTok fields declare `normalize: digits`.
    public var defaultNormalizers: [Normalizer] {
        switch self {
        case .email: return [.email]
        case .phone: return [.phoneE164]
        case .name: return [.name]
        case .city: return [.city]
        case .state: return [.state]
        case .zip: return [.zip]
        case .country: return [.country]
        case .gender: return [.gender]
        case .date: return [.date]
        case .maid: return [.lowercase]
        case .externalID: return [.trim]
        }
    }
}
