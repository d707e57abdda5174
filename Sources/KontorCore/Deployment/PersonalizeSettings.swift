import Foundation

/// How the personalisation API (`GET /v1/personalize`) answers: which segments
/// it may reveal and how its memory cache behaves. Which traits it returns is
/// `server.expose_traits`.
///
/// The cache holds the answers for recently asked people; any profile change
/// the server learns of empties it, and `cache_ttl` bounds how old an answer
/// can be (computed traits with time windows, other nodes writing the store).
///
/// ```yaml
/// server:
///   read_keys: ["${secret:KONTOR_READ_KEY}"]
///   expose_traits: [first_name, favourite_brand]
///   personalize: {segments: [coffee_lovers, organic_fans], consent: personalisation, cache_ttl: 30s}
/// ```
public struct PersonalizeSettings: Sendable, Hashable, Decodable, SchemaDescribed {
    public static let defaultCacheEntries = 10_000
    public static let defaultCacheTTL: TimeInterval = 60

    /// The only segments the API reveals; `nil` reveals every segment the person is in.
    public var segments: [String]?
    /// A consent purpose (`personalisation`) the person must have granted; without it they get an empty answer.
    public var consent: String?
    /// How many answers the cache keeps (least recently used ones go first); 0 turns the cache off.
    public var cacheEntries: Int
    /// The longest time (seconds) a cached answer is served.
    public var cacheTTL: TimeInterval

    public init(
        segments: [String]? = nil, consent: String? = nil, cacheEntries: Int = defaultCacheEntries,
        cacheTTL: TimeInterval = defaultCacheTTL
    ) {
        self.segments = segments
        self.consent = consent
        self.cacheEntries = cacheEntries
        self.cacheTTL = cacheTTL
    }

    private enum CodingKeys: String, CodingKey {
        case segments
        case consent
        case cacheEntries = "cache_entries"
        case cacheTTL = "cache_ttl"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            segments: try container.decodeIfPresent([String].self, forKey: .segments),
            consent: try container.decodeIfPresent(String.self, forKey: .consent),
            cacheEntries: try container.decodeIfPresent(Int.self, forKey: .cacheEntries) ?? Self.defaultCacheEntries,
            cacheTTL: try container.decodeDurationIfPresent(forKey: .cacheTTL) ?? Self.defaultCacheTTL)
        if cacheEntries < 0 {
            throw DecodingError.dataCorruptedError(
                forKey: .cacheEntries, in: container, debugDescription: "expected 0 or more cache entries, got \(cacheEntries)")
        }
    }

    public static let schema: Schema = .object([
        "segments": Property(
            .array(.string()), "The only segments the personalisation API reveals; absent reveals every segment"),
        "consent": Property(
            .string(), "Consent purpose a person must have granted to be personalised, e.g. personalisation"),
        "cache_entries": Property(
            .integer(minimum: 0), "Answers kept in the memory cache (least recently used go first); 0 turns it off",
            default: .int(defaultCacheEntries)),
        "cache_ttl": Property(.duration, "Longest time a cached answer is served, e.g. 30s", default: "1m"),
    ], description: "The personalisation API")
}
