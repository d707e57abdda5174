/// One typed setting of a plugin's `spec`: what a deployment must (or may)
/// give in a source's or destination's `config:` block.
///
/// ```yaml
/// spec:
///   shop: {type: string, title: Shop name, pattern: "^[a-z0-9-]+$"}
///   access_token: {type: secret}
///   start_date: {type: datetime, optional: true}
/// ```
public struct Setting: Sendable, Hashable, Decodable, SchemaDescribed {
    /// The value types a setting can have; `secret` is a string never logged.
    public enum Kind: String, Sendable, Hashable, Decodable, CaseIterable {
        case string, secret, integer, number, boolean, datetime, date
        case `enum`
        case object, array
    }

    public var type: Kind
    public var optional: Bool?
    public var `default`: JSONValue?
    public var min: Double?
    public var max: Double?
    public var choices: [JSONValue]?
    public var items: Kind?
    public var title: String?
    public var description: String?
    public var pattern: String?
    public var example: JSONValue?

    /// True when a deployment must give the setting: not optional and without default.
    public var isRequired: Bool { !(optional ?? false) && `default` == nil }

    /// True for a `secret` setting (only auth, headers and signatures may use it).
    public var isSecret: Bool { type == .secret }

    public static let schema: Schema = .object([
        "type": .required(.string(choices: Kind.allCases.map(\.rawValue)), "The value type"),
        "optional": .init(.boolean, "The deployment may leave it out", default: false),
        "default": .init(.any, "The value when left out (may be a template over config)"),
        "min": .init(.number, "Smallest allowed number"),
        "max": .init(.number, "Largest allowed number"),
        "choices": .init(.array(.any, minItems: 1), "Allowed values (for type enum)"),
        "items": .init(.string(choices: Kind.allCases.map(\.rawValue)), "Element type of an array"),
        "title": .init(.string(), "Short label"),
        "description": .init(.string(), "What the setting is for"),
        "pattern": .init(.string(format: .regex), "A regular expression the string must match"),
        "example": .init(.any, "An example value, for docs"),
    ], description: "A typed setting of the plugin's spec")
}
