import Foundation

/// A destination: members of segments sent to a plugin's action.
///
/// ```yaml
/// newsletter:
///   plugin: mailchimp
///   config: {api_key: "${secret:MAILCHIMP_KEY}", list_id: abc123}
///   action: members
///   mode: mirror
///   segments: [running_fans]
///   consent: email
///   mapping: {email_address: "$.traits.email", merge_fields: {FNAME: "$.traits.first_name"}}
///   schedule: {every: 1h}
/// ```
public struct DestinationConfig: Sendable, Hashable, Decodable, SchemaDescribed {
    /// Overrides of the action's batching.
    public struct BatchOverride: Sendable, Hashable, Decodable, SchemaDescribed {
        public var size: Int?
        /// Seconds a partial batch waits before it is sent.
        public var maxWait: TimeInterval?

        public init(size: Int? = nil, maxWait: TimeInterval? = nil) {
            self.size = size
            self.maxWait = maxWait
        }

        private enum CodingKeys: String, CodingKey {
            case size
            case maxWait = "max_wait"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                size: try container.decodeIfPresent(Int.self, forKey: .size),
                maxWait: try container.decodeDurationIfPresent(forKey: .maxWait))
        }

        public static let schema: Schema = .object([
            "size": Property(.integer(minimum: 1), "Records per request (at most the action's own limit)"),
            "max_wait": Property(.duration, "How long a partial batch waits, e.g. 30s"),
        ])
    }

    public var plugin: String
    public var config: [String: JSONValue]
    /// The plugin action that writes (`members`, `sync_audience`).
    public var action: String
    public var mode: ActionMode
    /// The segments whose members are sent.
    public var segments: [String]
    /// Only profiles that granted this purpose are sent.
    public var consent: String?
    /// How a profile becomes the action's fields (mapping directives with `$.` and `{{ }}` shorthands).
    public var mapping: JSONValue?
    /// When to sync; `nil` syncs continuously as memberships change.
    public var schedule: ScheduleSpec?
    public var baseURL: String?
    public var batch: BatchOverride?
    public var enabled: Bool

    public init(
        plugin: String, config: [String: JSONValue] = [:], action: String, mode: ActionMode, segments: [String],
        consent: String? = nil, mapping: JSONValue? = nil, schedule: ScheduleSpec? = nil, baseURL: String? = nil,
        batch: BatchOverride? = nil, enabled: Bool = true
    ) {
        self.plugin = plugin
        self.config = config
        self.action = action
        self.mode = mode
        self.segments = segments
        self.consent = consent
        self.mapping = mapping
        self.schedule = schedule
        self.baseURL = baseURL
        self.batch = batch
        self.enabled = enabled
    }

    private enum CodingKeys: String, CodingKey {
        case plugin, config, action, mode, segments, consent, mapping, schedule, batch, enabled
        case baseURL = "base_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            plugin: try container.decode(String.self, forKey: .plugin),
            config: try container.decodeIfPresent([String: JSONValue].self, forKey: .config) ?? [:],
            action: try container.decode(String.self, forKey: .action),
            mode: try container.decode(ActionMode.self, forKey: .mode),
            segments: try container.decode([String].self, forKey: .segments),
            consent: try container.decodeIfPresent(String.self, forKey: .consent),
            mapping: try container.decodeIfPresent(JSONValue.self, forKey: .mapping),
            schedule: try container.decodeIfPresent(ScheduleSpec.self, forKey: .schedule),
            baseURL: try container.decodeIfPresent(String.self, forKey: .baseURL),
            batch: try container.decodeIfPresent(BatchOverride.self, forKey: .batch),
            enabled: try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true)
    }

    public static let schema: Schema = .object([
        "plugin": .required(.string(), "Plugin name (a folder under Plugins/)"),
        "config": Property(.map(.any), "Settings of the plugin's spec", default: [:]),
        "action": .required(.string(), "The plugin action that writes, e.g. members"),
        "mode": .required(
            .string(choices: ActionMode.allCases.map(\.rawValue)),
            "add | upsert | update | remove | mirror (must be allowed by the action)"),
        "segments": .required(.array(.string(format: .reference("segment")), minItems: 1), "Segments whose members are sent"),
        "consent": Property(.string(format: .reference("purpose")), "Only profiles that granted this purpose"),
        "mapping": Property(.mapping(scope: DeploymentScopes.destinationMapping), "Action fields from the profile"),
        "schedule": Property(.reference("Schedule"), "When to sync; continuous when absent"),
        "base_url": Property(.string(), "Overrides the plugin's base URL"),
        "batch": Property(BatchOverride.schema, "Overrides of the action's batching"),
        "enabled": Property(.boolean, "Set false to keep the destination configured but idle", default: true),
    ], description: "A destination: segment members sent to a plugin action")
}
