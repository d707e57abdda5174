/// The identity-resolution rules of a deployment: which identifier kinds join
/// profiles (in priority order), how many of a kind one profile may hold, and
/// how many merges one profile may go through.
///
/// Built from `connectors.yaml` `identity:` (`IdentitySettings`). `user_id` is
/// limited to one per profile unless `limits` says otherwise: two different
/// customer ids are two people, so such profiles are never merged.
///
/// ```swift
/// let rules = IdentityRules(IdentitySettings(keys: ["user_id", "email", "anonymous_id"], limits: ["email": 3]),
///                           defaultCountry: "DE")
/// rules.limit(for: .userID)   // 1
/// ```
public struct IdentityRules: Sendable, Hashable {
    /// The most `user_id`s one profile holds when `limits` does not say.
    public static let defaultUserIDLimit = 1

    /// Identifier kinds that join profiles, highest priority first. Other kinds are ignored.
    public var keys: [IdentifierKind]
    /// The most identifiers of a kind one profile may hold; kinds not listed are unlimited.
    public var limits: [IdentifierKind: Int]
    /// How many merges one profile may accumulate (its own plus those of the profiles it absorbed).
    public var maxMerges: Int
    /// The country of national phone numbers (`0151 …` → `+49151 …`); `nil` accepts only international numbers.
    public var defaultCountry: String?

    public init(
        keys: [IdentifierKind] = IdentitySettings.defaultKeys.map(IdentifierKind.init(rawValue:)),
        limits: [IdentifierKind: Int] = [:],
        maxMerges: Int = IdentitySettings.defaultMaxMerges,
        defaultCountry: String? = nil
    ) {
        self.keys = keys
        var limits = limits
        if limits[.userID] == nil { limits[.userID] = Self.defaultUserIDLimit }
        self.limits = limits
        self.maxMerges = maxMerges
        self.defaultCountry = defaultCountry
    }

    /// The rules of a `connectors.yaml` `identity:` section.
    public init(_ settings: IdentitySettings, defaultCountry: String? = nil) {
        self.init(
            keys: settings.keys.map(IdentifierKind.init(rawValue:)),
            limits: Dictionary(settings.limits.map { (IdentifierKind(rawValue: $0.key), $0.value) }, uniquingKeysWith: { _, last in last }),
            maxMerges: settings.maxMerges,
            defaultCountry: defaultCountry)
    }

    /// The most identifiers of `kind` a profile may hold; `nil` when unlimited.
    public func limit(for kind: IdentifierKind) -> Int? { limits[kind] }

    /// The rank of `kind` in `keys` (0 is the highest priority); `nil` when the kind does not resolve identities.
    public func priority(of kind: IdentifierKind) -> Int? { keys.firstIndex(of: kind) }
}
