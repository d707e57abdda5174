/// What the deployment loader needs to know about a plugin to check a
/// source's or destination's use of it, without depending on the plugin model:
/// the plugin format provides one (`PluginDefinition` → `PluginDescriptor`).
public struct PluginDescriptor: Sendable, Hashable {
    /// One setting of the plugin's `spec`.
    public struct Setting: Sendable, Hashable {
        /// `string`, `secret`, `integer`, `number`, `boolean`, `datetime`, `date`, `enum`, `object`, `array`.
        public var type: String
        public var isRequired: Bool
        public var isSecret: Bool
        /// Allowed values for `enum` settings.
        public var choices: [JSONValue]

        public init(type: String, isRequired: Bool, isSecret: Bool = false, choices: [JSONValue] = []) {
            self.type = type
            self.isRequired = isRequired
            self.isSecret = isSecret || type == "secret"
            self.choices = choices
        }
    }

    /// One write action and what it accepts.
    public struct Action: Sendable, Hashable {
        public var modes: Set<ActionMode>
        /// The field names a `mapping` may fill.
        public var fields: Set<String>
        /// Fields that must be mapped.
        public var requiredFields: Set<String>

        public init(modes: Set<ActionMode>, fields: Set<String>, requiredFields: Set<String> = []) {
            self.modes = modes
            self.fields = fields
            self.requiredFields = requiredFields
        }
    }

    public var name: String
    public var settings: [String: Setting]
    public var streams: Set<String>
    public var actions: [String: Action]
    /// Identifier kinds the plugin's emit rules produce (`shopify_customer_id`),
    /// which `identity.keys` may then name.
    public var identifierKinds: Set<String>

    public init(
        name: String, settings: [String: Setting] = [:], streams: Set<String> = [], actions: [String: Action] = [:],
        identifierKinds: Set<String> = []
    ) {
        self.name = name
        self.settings = settings
        self.streams = streams
        self.actions = actions
        self.identifierKinds = identifierKinds
    }
}
