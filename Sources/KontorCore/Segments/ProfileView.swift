import Foundation

/// One profile as segment rules see it.
///
/// | variable | value | example |
/// |---|---|---|
/// | `traits` | the folded traits | `traits.preferences.coffee == 'Lavazza'` |
/// | `computed` | computed and derived traits | `computed.order_count >= 2` |
/// | `consent` | purpose → `true`/`false` (every declared purpose) | `consent.email` |
/// | `identities` | kind → list of values | `identities.email \| length > 0` |
/// | `segments` | segment → member now (segments evaluated before this one) | `segments.vip and not segments.churned` |
/// | `profile` | `id`, `created_at`, `updated_at` (RFC 3339) | `profile.created_at < '2024-01-01'` |
public struct ProfileView: Sendable, Hashable {
    public var id: ProfileID
    public var traits: JSONValue
    public var computed: [String: JSONValue]
    public var consent: [String: JSONValue]
    public var identities: [IdentifierKind: [String]]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ProfileID, traits: JSONValue = .object([:]), computed: [String: JSONValue] = [:],
        consent: [String: JSONValue] = [:], identities: [IdentifierKind: [String]] = [:],
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.traits = traits
        self.computed = computed
        self.consent = consent
        self.identities = identities
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Groups `identities` by kind (values sorted), as the view holds them.
    public static func grouped(_ identities: [Identity]) -> [IdentifierKind: [String]] {
        Dictionary(grouping: identities, by: \.kind).mapValues { $0.map(\.value).sorted() }
    }

    /// The expression variables, with `segments` the memberships decided so far.
    public func variables(segments: [String: Bool] = [:]) -> [String: JSONValue] {
        [
            "traits": traits,
            "computed": .object(computed),
            "consent": .object(consent),
            "identities": .object(Dictionary(uniqueKeysWithValues: identities.map { ($0.key.rawValue, JSONValue.array($0.value.map(JSONValue.string))) })),
            "segments": .object(segments.mapValues(JSONValue.bool)),
            "profile": [
                "id": .string(id),
                "created_at": .string(DateFormat.rfc3339.string(from: createdAt)),
                "updated_at": .string(DateFormat.rfc3339.string(from: updatedAt)),
            ],
        ]
    }
}
