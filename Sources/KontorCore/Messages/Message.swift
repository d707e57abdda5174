import Foundation

/// A Segment-spec message: the one event model of Kontor.
///
/// Everything that enters Kontor (a pulled Shopify customer, a pop-up sign-up,
/// a call from a Segment SDK) becomes a `Message`. Identity resolution, traits
/// and segments work on this one model.
///
/// ```swift
/// let signup = Message(type: .identify, messageId: "form-42", timestamp: now,
///                      userId: nil, anonymousId: "a-1",
///                      traits: ["email": "ada@example.com"])
/// ```
public struct Message: Sendable, Hashable, Codable {
    public var type: MessageType
    /// Stable id; the event log stores a `(source, messageId)` pair once.
    public var messageId: String
    /// When the event happened (after `sentAt` clock-skew correction for ingest).
    public var timestamp: Date
    public var userId: String?
    public var anonymousId: String?
    /// `track`: the event name, e.g. `Order Completed`.
    public var event: String?
    /// `page` / `screen`: the page or screen name.
    public var name: String?
    /// `page`: the page category.
    public var category: String?
    /// `group`: the account or company id.
    public var groupId: String?
    /// `alias`: the id this user was known by before.
    public var previousId: String?
    /// `identify` / `group`: who the person or group is.
    public var traits: [String: JSONValue]
    /// `track` / `page` / `screen`: what happened.
    public var properties: [String: JSONValue]
    /// Everything else the sender knows: ip, userAgent, library, consent, traits …
    public var context: [String: JSONValue]
    public var integrations: [String: JSONValue]
    public var sentAt: Date?
    public var receivedAt: Date?
    public var originalTimestamp: Date?

    public init(
        type: MessageType,
        messageId: String,
        timestamp: Date,
        userId: String? = nil,
        anonymousId: String? = nil,
        event: String? = nil,
        name: String? = nil,
        category: String? = nil,
        groupId: String? = nil,
        previousId: String? = nil,
        traits: [String: JSONValue] = [:],
        properties: [String: JSONValue] = [:],
        context: [String: JSONValue] = [:],
        integrations: [String: JSONValue] = [:],
        sentAt: Date? = nil,
        receivedAt: Date? = nil,
        originalTimestamp: Date? = nil
    ) {
        self.type = type
        self.messageId = messageId
        self.timestamp = timestamp
        self.userId = userId
        self.anonymousId = anonymousId
        self.event = event
        self.name = name
        self.category = category
        self.groupId = groupId
        self.previousId = previousId
        self.traits = traits
        self.properties = properties
        self.context = context
        self.integrations = integrations
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.originalTimestamp = originalTimestamp
    }

    private enum CodingKeys: String, CodingKey {
        case type, messageId, timestamp, userId, anonymousId, event, name, category, groupId, previousId
        case traits, properties, context, integrations, sentAt, receivedAt, originalTimestamp
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(MessageType.self, forKey: .type)
        messageId = try c.decode(String.self, forKey: .messageId)
        timestamp = try c.decode(Date.self, forKey: .timestamp)
        userId = try c.decodeIfPresent(String.self, forKey: .userId)
        anonymousId = try c.decodeIfPresent(String.self, forKey: .anonymousId)
        event = try c.decodeIfPresent(String.self, forKey: .event)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        groupId = try c.decodeIfPresent(String.self, forKey: .groupId)
        previousId = try c.decodeIfPresent(String.self, forKey: .previousId)
        traits = try c.decodeIfPresent([String: JSONValue].self, forKey: .traits) ?? [:]
        properties = try c.decodeIfPresent([String: JSONValue].self, forKey: .properties) ?? [:]
        context = try c.decodeIfPresent([String: JSONValue].self, forKey: .context) ?? [:]
        integrations = try c.decodeIfPresent([String: JSONValue].self, forKey: .integrations) ?? [:]
        sentAt = try c.decodeIfPresent(Date.self, forKey: .sentAt)
        receivedAt = try c.decodeIfPresent(Date.self, forKey: .receivedAt)
        originalTimestamp = try c.decodeIfPresent(Date.self, forKey: .originalTimestamp)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(messageId, forKey: .messageId)
        try c.encode(timestamp, forKey: .timestamp)
        try c.encodeIfPresent(userId, forKey: .userId)
        try c.encodeIfPresent(anonymousId, forKey: .anonymousId)
        try c.encodeIfPresent(event, forKey: .event)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encodeIfPresent(groupId, forKey: .groupId)
        try c.encodeIfPresent(previousId, forKey: .previousId)
        if !traits.isEmpty { try c.encode(traits, forKey: .traits) }
        if !properties.isEmpty { try c.encode(properties, forKey: .properties) }
        if !context.isEmpty { try c.encode(context, forKey: .context) }
        if !integrations.isEmpty { try c.encode(integrations, forKey: .integrations) }
        try c.encodeIfPresent(sentAt, forKey: .sentAt)
        try c.encodeIfPresent(receivedAt, forKey: .receivedAt)
        try c.encodeIfPresent(originalTimestamp, forKey: .originalTimestamp)
    }
}
