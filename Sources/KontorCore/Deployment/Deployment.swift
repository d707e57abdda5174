/// A whole `connectors.yaml`: the store, the server, identity, consent and
/// retention rules, and the sources, traits, segments and destinations.
///
/// Defaults live here in Swift, not in the file. The config loader
/// (`KontorConfig.DeploymentLoader`) validates the YAML against `schema`,
/// decodes this type and cross-checks names and plugins; the runtime only
/// sees a checked `Deployment`.
public struct Deployment: Sendable, Hashable, Decodable, SchemaDescribed {
    /// The file format version this build reads.
    public static let currentVersion = 1
    public static let defaultStore = "sqlite:kontor.db"

    public var version: Int
    /// `sqlite:<path>` or `postgres://user@host/db`.
    public var store: String
    /// Extra plugin directories, searched before the built-in `Plugins/`.
    public var plugins: [String]
    public var server: ServerSettings
    public var identity: IdentitySettings
    public var consent: ConsentSettings
    public var retention: RetentionSettings
    public var sources: [String: SourceConfig]
    public var traits: [String: ComputedTrait]
    public var segments: [String: SegmentDefinition]
    public var destinations: [String: DestinationConfig]

    public init(
        version: Int = currentVersion, store: String = defaultStore, plugins: [String] = [],
        server: ServerSettings = ServerSettings(), identity: IdentitySettings = IdentitySettings(),
        consent: ConsentSettings = ConsentSettings(), retention: RetentionSettings = RetentionSettings(),
        sources: [String: SourceConfig] = [:], traits: [String: ComputedTrait] = [:],
        segments: [String: SegmentDefinition] = [:], destinations: [String: DestinationConfig] = [:]
    ) {
        self.version = version
        self.store = store
        self.plugins = plugins
        self.server = server
        self.identity = identity
        self.consent = consent
        self.retention = retention
        self.sources = sources
        self.traits = traits
        self.segments = segments
        self.destinations = destinations
    }

    private enum CodingKeys: String, CodingKey {
        case version = "kontor"
        case store, plugins, server, identity, consent, retention, sources, traits, segments, destinations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            version: try container.decode(Int.self, forKey: .version),
            store: try container.decodeIfPresent(String.self, forKey: .store) ?? Self.defaultStore,
            plugins: try container.decodeIfPresent([String].self, forKey: .plugins) ?? [],
            server: try container.decodeIfPresent(ServerSettings.self, forKey: .server) ?? ServerSettings(),
            identity: try container.decodeIfPresent(IdentitySettings.self, forKey: .identity) ?? IdentitySettings(),
            consent: try container.decodeIfPresent(ConsentSettings.self, forKey: .consent) ?? ConsentSettings(),
            retention: try container.decodeIfPresent(RetentionSettings.self, forKey: .retention) ?? RetentionSettings(),
            sources: try container.decodeIfPresent([String: SourceConfig].self, forKey: .sources) ?? [:],
            traits: try container.decodeIfPresent([String: ComputedTrait].self, forKey: .traits) ?? [:],
            segments: try container.decodeIfPresent([String: SegmentDefinition].self, forKey: .segments) ?? [:],
            destinations: try container.decodeIfPresent([String: DestinationConfig].self, forKey: .destinations) ?? [:])
    }
}
