/// How messages are matched to profiles: which identifier kinds join
/// profiles, in priority order, and the limits that stop runaway merges.
///
/// ```yaml
/// identity: {keys: [user_id, email, phone, shopify_customer_id], max_merges: 100, limits: {email: 3}}
/// ```
public struct IdentitySettings: Sendable, Hashable, Decodable, SchemaDescribed {
    /// The identifier kinds Kontor knows without a source declaring them.
    public static let builtInKinds = ["user_id", "anonymous_id", "email", "phone", "device_id"]
    public static let defaultKeys = ["user_id", "email", "phone", "anonymous_id"]
    public static let defaultMaxMerges = 100

    /// Identifier kinds in priority order (the first one a message has wins).
    public var keys: [String]
    /// How many merges one profile may go through before further merges are refused.
    public var maxMerges: Int
    /// The most identifiers of a kind one profile may hold (`email: 3`).
    public var limits: [String: Int]

    public init(keys: [String] = defaultKeys, maxMerges: Int = defaultMaxMerges, limits: [String: Int] = [:]) {
        self.keys = keys
        self.maxMerges = maxMerges
        self.limits = limits
    }

    private enum CodingKeys: String, CodingKey {
        case keys
        case maxMerges = "max_merges"
        case limits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            keys: try container.decodeIfPresent([String].self, forKey: .keys) ?? Self.defaultKeys,
            maxMerges: try container.decodeIfPresent(Int.self, forKey: .maxMerges) ?? Self.defaultMaxMerges,
            limits: try container.decodeIfPresent([String: Int].self, forKey: .limits) ?? [:])
    }

    public static let schema: Schema = .object([
        "keys": Property(
            .array(.string(), minItems: 1), "Identifier kinds in priority order",
            default: .array(defaultKeys.map(JSONValue.string))),
        "max_merges": Property(.integer(minimum: 0), "Merges per profile before further merges are refused", default: .int(defaultMaxMerges)),
        "limits": Property(.map(.integer(minimum: 1)), "Most identifiers of a kind per profile, e.g. {email: 3}", default: [:]),
    ], description: "Identity resolution")
}
