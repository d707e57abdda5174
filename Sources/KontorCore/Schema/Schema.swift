/// The shape of a configuration value, declared once on each Swift model type
/// and used for three things: validating YAML with positioned diagnostics
/// (unknown keys, wrong types, missing keys, bad enum values), checking the
/// `{{ }}` expressions a field may hold, and emitting JSON Schema for editors
/// (`kontor schema connectors|plugin`).
///
/// ```swift
/// extension Schedule: SchemaDescribed {
///     static let schema: Schema = .object([
///         "every": .init(.duration, "How often to run, e.g. 15m"),
///         "cron": .init(.string(), "Five-field cron expression"),
///     ])
/// }
/// ```
public indirect enum Schema: Sendable {
    /// A string, optionally restricted to `choices`, and optionally carrying
    /// a meaning the validator checks (`format`).
    case string(choices: [String] = [], format: StringFormat = .plain)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    /// An integer or a floating-point number.
    case number
    case boolean
    /// Any JSON value, checked by the model itself (free-form `config:` blocks, JSON Schemas).
    case any
    case array(Schema, minItems: Int = 0)
    /// A fixed set of named properties; unknown keys are errors.
    case object(ObjectSchema)
    /// An object with free keys (stream names, spec names) and values of one shape.
    case map(Schema, keyPattern: String? = nil)
    /// One of several object shapes, chosen by the string at `discriminator` (`type:` in auth, paginate, …).
    case tagged(discriminator: String, variants: [String: ObjectSchema])
    /// The first alternative that accepts the value (e.g. `Int` or a `config` template).
    case either([Schema])
    /// A named shape defined in `SchemaRegistry`, for recursive or shared types.
    case reference(String)
    /// A mapping (mapping-kit directives, `$.path` / `{{ }}` shorthands), checked by the mapping compiler.
    case mapping(scope: ExpressionScope)

    /// A shortcut for an object schema from its properties.
    public static func object(
        _ properties: [String: Property], description: String? = nil
    ) -> Schema {
        .object(ObjectSchema(properties, description: description))
    }

    /// A duration such as `15m`, `400d` or `PT1S`.
    public static var duration: Schema { .string(format: .duration) }
}

/// What a string field means, beyond being a string.
public enum StringFormat: Sendable, Hashable {
    case plain
    /// A duration: `5s`, `15m`, `1h`, `7d`, `400d`, `3y` or ISO-8601 `PT1S`, `P7D`.
    case duration
    /// A byte size: `500KB`, `5MB`.
    case byteSize
    /// A regular expression.
    case regex
    /// A template: text with `{{ expr }}` parts, checked against the scope.
    case template(ExpressionScope)
    /// A bare expression without braces (segment `where`, `when` rules).
    case expression(ExpressionScope, boolean: Bool)
    /// A rate limit: `"2/1s"`, `"700/1m"`.
    case rateLimit
    /// A name that must refer to something else in the file (checked by the model's own pass).
    case reference(String)
}

/// The variables a template or expression in a given field may use.
///
/// The loader rejects any other root variable, with the position of the
/// offending name inside the expression.
public struct ExpressionScope: Sendable, Hashable {
    public var variables: Set<String>
    /// The expression must yield a boolean (a `stop_when`, `filter`, `where`, `when`, `if`).
    public var name: String

    public init(_ name: String, variables: Set<String>) {
        self.name = name
        self.variables = variables
    }
}

/// A named property of an object schema.
public struct Property: Sendable {
    public var schema: Schema
    public var description: String?
    public var required: Bool
    /// The default the Swift model applies when the key is absent (documentation only).
    public var defaultValue: JSONValue?

    public init(_ schema: Schema, _ description: String? = nil, required: Bool = false, default defaultValue: JSONValue? = nil) {
        self.schema = schema
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
    }

    public static func required(_ schema: Schema, _ description: String? = nil) -> Property {
        Property(schema, description, required: true)
    }
}

/// The property list of an object shape.
public struct ObjectSchema: Sendable {
    public var properties: [String: Property]
    public var description: String?

    public init(_ properties: [String: Property], description: String? = nil) {
        self.properties = properties
        self.description = description
    }

    public var requiredKeys: [String] {
        properties.filter(\.value.required).map(\.key).sorted()
    }
}

/// A Swift model type that declares its configuration shape.
public protocol SchemaDescribed {
    static var schema: Schema { get }
}
