extension PIIKind {
    /// The normalisers that make sense for this kind of personal data; the
    /// plugin loader rejects others (`pii: email` with `normalize: phone_e164`).
    public var compatibleNormalizers: Set<Normalizer> {
        switch self {
        case .email: [.email, .emailGoogle, .lowercase, .trim]
        case .phone: [.phoneE164, .digits, .trim]
        case .name: [.name, .firstInitial, .lowercase, .trim]
        case .city: [.city, .lowercase, .trim]
        case .state: [.state, .lowercase, .trim]
        case .zip: [.zip, .digits, .trim]
        case .country: [.country, .lowercase, .trim]
        case .gender: [.gender, .lowercase, .trim]
        case .date: [.date, .digits, .year, .month, .day, .trim]
        case .maid: [.lowercase, .trim]
        case .externalID: [.trim, .lowercase]
        }
    }
}
