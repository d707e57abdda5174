/// The HTTP server of `kontor run`: ingest, hooks, forms, personalisation and admin API.
///
/// ```yaml
/// server: {listen: 127.0.0.1:8080, write_keys: ["${env:KONTOR_WRITE_KEY}"], admin_token: "${secret:ADMIN}"}
/// ```
public struct ServerSettings: Sendable, Hashable, Decodable, SchemaDescribed {
    public static let defaultListen = "127.0.0.1:8080"

    /// `host:port` to bind.
    public var listen: String
    /// Keys accepted on `/v1/*` ingest (Segment-style basic auth or bearer).
    public var writeKeys: [String]
    /// Keys accepted on the read-only personalisation API.
    public var readKeys: [String]
    /// Bearer token of the admin API; without one the admin API is off.
    public var adminToken: String?
    /// Origins allowed by CORS on forms and personalisation.
    public var allowedOrigins: [String]
    /// The profile traits the personalisation API may return (nothing else leaves).
    public var exposeTraits: [String]
    /// Segments revealed and caching of the personalisation API.
    public var personalize: PersonalizeSettings

    public init(
        listen: String = defaultListen, writeKeys: [String] = [], readKeys: [String] = [], adminToken: String? = nil,
        allowedOrigins: [String] = [], exposeTraits: [String] = [], personalize: PersonalizeSettings = PersonalizeSettings()
    ) {
        self.listen = listen
        self.writeKeys = writeKeys
        self.readKeys = readKeys
        self.adminToken = adminToken
        self.allowedOrigins = allowedOrigins
        self.exposeTraits = exposeTraits
        self.personalize = personalize
    }

    private enum CodingKeys: String, CodingKey {
        case listen
        case writeKeys = "write_keys"
        case readKeys = "read_keys"
        case adminToken = "admin_token"
        case allowedOrigins = "allowed_origins"
        case exposeTraits = "expose_traits"
        case personalize
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            listen: try container.decodeIfPresent(String.self, forKey: .listen) ?? Self.defaultListen,
            writeKeys: try container.decodeIfPresent([String].self, forKey: .writeKeys) ?? [],
            readKeys: try container.decodeIfPresent([String].self, forKey: .readKeys) ?? [],
            adminToken: try container.decodeIfPresent(String.self, forKey: .adminToken),
            allowedOrigins: try container.decodeIfPresent([String].self, forKey: .allowedOrigins) ?? [],
            exposeTraits: try container.decodeIfPresent([String].self, forKey: .exposeTraits) ?? [],
            personalize: try container.decodeIfPresent(PersonalizeSettings.self, forKey: .personalize)
                ?? PersonalizeSettings())
    }

    public static let schema: Schema = .object([
        "listen": Property(.string(), "host:port the HTTP server binds", default: .string(defaultListen)),
        "write_keys": Property(.array(.string()), "Keys accepted by the /v1 ingest endpoints", default: []),
        "read_keys": Property(.array(.string()), "Keys accepted by the personalisation API", default: []),
        "admin_token": Property(.string(), "Bearer token of the admin API; the admin API is off without one"),
        "allowed_origins": Property(.array(.string()), "Origins allowed by CORS (forms, personalisation)", default: []),
        "expose_traits": Property(.array(.string()), "Traits the personalisation API may return", default: []),
        "personalize": Property(PersonalizeSettings.schema, "Segments revealed and caching of the personalisation API"),
    ], description: "The HTTP server")
}
