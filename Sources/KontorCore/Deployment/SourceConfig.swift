/// A source: a plugin instance that pulls or receives data.
///
/// ```yaml
/// shop: {plugin: shopify, config: {shop: my-shop, access_token: "${secret:SHOPIFY_TOKEN}"},
///        streams: [customers, orders], schedule: {every: 15m}}
/// ```
public struct SourceConfig: Sendable, Hashable, Decodable, SchemaDescribed {
    /// The plugin name (`Plugins/<name>/plugin.yaml`).
    public var plugin: String
    /// Values for the plugin's `spec`, checked against it when the deployment loads.
    public var config: [String: JSONValue]
    /// The streams to pull; `nil` pulls every stream of the plugin.
    public var streams: [String]?
    /// When to pull; `nil` means manual (inbound-only sources, `kontor sync`).
    public var schedule: ScheduleSpec?
    /// Overrides the plugin's `http.base_url` (a sandbox, an emulator).
    public var baseURL: String?
    public var enabled: Bool

    public init(
        plugin: String, config: [String: JSONValue] = [:], streams: [String]? = nil, schedule: ScheduleSpec? = nil,
        baseURL: String? = nil, enabled: Bool = true
    ) {
        self.plugin = plugin
        self.config = config
        self.streams = streams
        self.schedule = schedule
        self.baseURL = baseURL
        self.enabled = enabled
    }

    private enum CodingKeys: String, CodingKey {
        case plugin, config, streams, schedule, enabled
        case baseURL = "base_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            plugin: try container.decode(String.self, forKey: .plugin),
            config: try container.decodeIfPresent([String: JSONValue].self, forKey: .config) ?? [:],
            streams: try container.decodeIfPresent([String].self, forKey: .streams),
            schedule: try container.decodeIfPresent(ScheduleSpec.self, forKey: .schedule),
            baseURL: try container.decodeIfPresent(String.self, forKey: .baseURL),
            enabled: try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true)
    }

    public static let schema: Schema = .object([
        "plugin": .required(.string(), "Plugin name (a folder under Plugins/)"),
        "config": Property(.map(.any), "Settings of the plugin's spec", default: [:]),
        "streams": Property(.array(.string(), minItems: 1), "Streams to pull; all when absent"),
        "schedule": Property(.reference("Schedule"), "When to pull: {every: 15m}, {cron: …} or manual", default: "manual"),
        "base_url": Property(.string(), "Overrides the plugin's base URL"),
        "enabled": Property(.boolean, "Set false to keep the source configured but idle", default: true),
    ], description: "A source: a plugin instance that pulls or receives data")
}
