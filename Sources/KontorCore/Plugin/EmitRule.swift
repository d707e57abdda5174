/// How one record of a stream becomes one Segment-spec message. A stream's
/// `emit` is a list: one record may give several messages (an `identify` for
/// the buyer and a `track` for the order).
///
/// Strings are templates over `record`, `config`, `stream`,
/// `stream_partition` and `headers`; `traits`, `properties` and `context`
/// are mappings (mapping-kit directives, with `$.path` and `{{ }}` shorthands).
/// The default `message_id` is deterministic: a hash of the source, the
/// stream, the primary key and the cursor value, so a re-read record gives
/// the same message and the event log drops it.
///
/// ```yaml
/// emit:
///   - type: identify
///     user_id: "{{ record.id }}"
///     identifiers: {email: "{{ record.email }}", shopify_customer_id: "{{ record.id }}"}
///     traits: {first_name: $.first_name, last_name: $.last_name}
///     consent: {email: "{{ record.email_marketing_consent.state == 'subscribed' }}"}
/// ```
public struct EmitRule: Sendable, Decodable, SchemaDescribed {
    public var type: MessageType
    public var when: String?
    public var userID: String?
    public var anonymousID: String?
    public var groupID: String?
    public var previousID: String?
    /// Identity kind → value template (`email`, `phone`, `shopify_customer_id`).
    public var identifiers: [String: String]?
    public var traits: JSONValue?
    public var properties: JSONValue?
    public var context: JSONValue?
    /// The event name of a `track`.
    public var event: String?
    /// The page or screen name of a `page` / `screen`.
    public var name: String?
    public var category: String?
    public var timestamp: String?
    /// Purpose → boolean template or mapping; or one template yielding `{purpose: bool}`.
    public var consent: JSONValue?
    public var messageID: String?

    enum CodingKeys: String, CodingKey {
        case type, when, userID = "user_id", anonymousID = "anonymous_id", groupID = "group_id"
        case previousID = "previous_id", identifiers, traits, properties, context, event, name, category
        case timestamp, consent, messageID = "message_id"
    }

    public static var schema: Schema {
        let template = Schema.string(format: .template(PluginScopes.emit))
        let mapping = Schema.mapping(scope: PluginScopes.emit)
        return .object([
            "type": .required(.string(choices: MessageType.allCases.map(\.rawValue)), "The Segment call"),
            "when": .init(template, "Boolean: emit only when true"),
            "user_id": .init(template, "The source's stable user id"),
            "anonymous_id": .init(template),
            "group_id": .init(template, "For group"),
            "previous_id": .init(template, "For alias"),
            "identifiers": .init(.map(template), "Identity kind → value, used for identity resolution"),
            "traits": .init(mapping, "identify/group traits"),
            "properties": .init(mapping, "track/page properties"),
            "context": .init(mapping, "Extra context fields"),
            "event": .init(template, "track: the event name, e.g. Order Completed"),
            "name": .init(template, "page/screen name"),
            "category": .init(template, "page category"),
            "timestamp": .init(template, "When it happened (default: the record's cursor or now)"),
            "consent": .init(
                .either([.map(.either([.boolean, template, mapping])), template]),
                "purpose → boolean (none = unknown, no change)"
            ),
            "message_id": .init(template, "Default: hash of source/stream/primary key/cursor"),
        ], description: "A message emitted for each record")
    }
}
