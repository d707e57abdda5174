/// How a stream reads only what changed since the last run; chosen by `type:`.
///
/// ```yaml
/// incremental: {type: datetime, field: updated_at, start: "{{ config.start_date }}", start_param: {query: updated_at_min}}
/// ```
public enum Incremental: Sendable, Decodable, SchemaDescribed {
    case datetime(DatetimeCursor)
    case counter(field: FieldPath, start: JSONValue?, param: Inject?)

    public init(from decoder: any Decoder) throws {
        if try decoder.pluginDiscriminator() == "counter" {
            let c = try decoder.container(keyedBy: PluginCodingKey.self)
            self = .counter(
                field: try c.decode(FieldPath.self, forKey: PluginCodingKey("field")),
                start: try c.decodeIfPresent(JSONValue.self, forKey: PluginCodingKey("start")),
                param: try c.decodeIfPresent(Inject.self, forKey: PluginCodingKey("param"))
            )
        } else {
            self = .datetime(try DatetimeCursor(from: decoder))
        }
    }

    /// The record field holding the cursor value.
    public var field: FieldPath {
        switch self {
        case .datetime(let cursor): cursor.field
        case .counter(let field, _, _): field
        }
    }

    public static var schema: Schema {
        .tagged(discriminator: "type", variants: [
            "datetime": DatetimeCursor.objectSchema,
            "counter": ObjectSchema([
                "field": .required(FieldPath.schema, "The increasing record field"),
                "start": .init(.either([.integer(), .string(format: .template(PluginScopes.config))])),
                "param": .init(Inject.schema, "Where the last value goes"),
            ]),
        ])
    }
}

/// A datetime cursor with optional windows (`step`), lookback and request parameters.
public struct DatetimeCursor: Sendable, Decodable {
    /// A bound written as a template, or as `{value, format, min, max}`.
    public struct Bound: Sendable, Decodable {
        public var value: String
        public var format: String?
        public var min: String?
        public var max: String?

        enum CodingKeys: String, CodingKey { case value, format, min, max }

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.value = text
            } else {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                value = try c.decode(String.self, forKey: .value)
                format = try c.decodeIfPresent(String.self, forKey: .format)
                min = try c.decodeIfPresent(String.self, forKey: .min)
                max = try c.decodeIfPresent(String.self, forKey: .max)
            }
        }
    }

    public enum FilterSide: String, Sendable, Decodable { case server, client }

    public var field: FieldPath
    /// `rfc3339` (default), `unix`, `unix_ms`, `date` or a strftime pattern.
    public var format: String?
    public var parseFormats: [String]?
    public var start: Bound
    public var end: Bound?
    public var step: String?
    public var granularity: String?
    public var lookback: String?
    public var startParam: Inject?
    public var endParam: Inject?
    public var filter: FilterSide?
    public var dataFeed: Bool?

    enum CodingKeys: String, CodingKey {
        case field, format, parseFormats = "parse_formats", start, end, step, granularity, lookback
        case startParam = "start_param", endParam = "end_param", filter, dataFeed = "data_feed"
    }

    static var objectSchema: ObjectSchema {
        let template = Schema.string(format: .template(PluginScopes.config))
        let bound = Schema.either([template, .object([
            "value": .required(template), "format": .init(.string()),
            "min": .init(template), "max": .init(template),
        ])])
        return ObjectSchema([
            "field": .required(FieldPath.schema, "The record's datetime field"),
            "format": .init(.string(), "rfc3339 | unix | unix_ms | date | strftime", default: "rfc3339"),
            "parse_formats": .init(.array(.string())),
            "start": .required(bound, "Where the first run starts"),
            "end": .init(bound, "Where a run stops (default: now)"),
            "step": .init(.duration, "Window size; requires granularity"),
            "granularity": .init(.duration, "Smallest time unit of the cursor, e.g. PT1S"),
            "lookback": .init(.duration, "Re-read this much before the saved cursor"),
            "start_param": .init(Inject.schema, "Where the window start goes"),
            "end_param": .init(Inject.schema, "Where the window end goes"),
            "filter": .init(.string(choices: ["server", "client"]), default: "server"),
            "data_feed": .init(.boolean, "Records come newest first; stop at the saved cursor", default: false),
        ])
    }
}
