import Foundation
import KontorCore
import KontorStore

/// Reads one Segment-spec message from its JSON object, checks it, and
/// corrects its `timestamp` for the sender's clock skew.
///
/// Clock skew: a device clock may be off by minutes or years. The libraries
/// send `sentAt` (their clock when the request left), so the true time of an
/// event is `timestamp + (receivedAt − sentAt)`. The client's own value is
/// kept as `originalTimestamp`. Without `sentAt` the timestamp is kept as
/// sent; without a `timestamp`, the event happened at `receivedAt`.
///
/// A message without `messageId` gets `kontor-<hash of its content>`, so a
/// retried request is still stored once. An `identify` without `traits` takes
/// `context.traits` (where rudder-sdk-python puts them).
struct SegmentMessageReader: Sendable {
    var receivedAt: Date
    /// The batch's `sentAt`, used when a message has none of its own.
    var batchSentAt: Date?
    /// Batch-level `context` and `integrations`, merged under each message's own.
    var defaults: [String: JSONValue]

    func message(from object: [String: JSONValue], type: MessageType, path: String) throws(APIError) -> Message {
        let prefix = path.isEmpty ? "" : path + "."
        func field(_ name: String) -> String { prefix + name }

        let clientTimestamp = try Self.date(object["timestamp"], field: field("timestamp"))
        let sentAt = try Self.date(object["sentAt"], field: field("sentAt")) ?? batchSentAt
        var message = Message(
            type: type,
            messageId: try Self.identifier(object["messageId"], field: field("messageId"))
                ?? Self.generatedId(object, type: type),
            timestamp: Self.corrected(clientTimestamp, sentAt: sentAt, receivedAt: receivedAt),
            userId: try Self.identifier(object["userId"], field: field("userId")),
            anonymousId: try Self.identifier(object["anonymousId"], field: field("anonymousId")),
            event: try Self.text(object["event"], field: field("event")),
            name: try Self.text(object["name"], field: field("name")),
            category: try Self.text(object["category"], field: field("category")),
            groupId: try Self.identifier(object["groupId"], field: field("groupId")),
            previousId: try Self.identifier(object["previousId"], field: field("previousId")),
            traits: try Self.object(object["traits"], field: field("traits")),
            properties: try Self.object(object["properties"], field: field("properties")),
            context: try merged("context", object, field: field("context")),
            integrations: try merged("integrations", object, field: field("integrations")),
            sentAt: sentAt, receivedAt: receivedAt, originalTimestamp: clientTimestamp)
        // rudder-sdk-python sends identify traits only as `context.traits`.
        if type == .identify, message.traits.isEmpty, case .object(let traits)? = message.context["traits"] {
            message.traits = traits
        }
        let problems = message.problems().map { MessageProblem(field: field($0.field), message: $0.message) }
        if let first = problems.first {
            let location = path.isEmpty ? "" : "\(path): "
            throw APIError(
                .badRequest, code: "missing_field", "\(location)\(first.message).", field: first.field,
                problems: problems.count > 1 ? problems : [])
        }
        return message
    }

    /// `timestamp + (receivedAt − sentAt)`; `receivedAt` when there is no timestamp.
    static func corrected(_ timestamp: Date?, sentAt: Date?, receivedAt: Date) -> Date {
        guard let timestamp else { return receivedAt }
        guard let sentAt else { return timestamp }
        return timestamp.addingTimeInterval(receivedAt.timeIntervalSince(sentAt))
    }

    private func merged(_ key: String, _ object: [String: JSONValue], field: String) throws(APIError)
        -> [String: JSONValue]
    {
        let own = try Self.object(object[key], field: field)
        guard case .object(let base)? = defaults[key] else { return own }
        return base.merging(own) { _, mine in mine }
    }

    static func date(_ value: JSONValue?, field: String) throws(APIError) -> Date? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)? where StoreTimestamp.date(from: text) != nil:
            return StoreTimestamp.date(from: text)
        default:
            throw APIError(
                .badRequest, code: "invalid_field", "\(field) must be an ISO-8601 date-time string.", field: field)
        }
    }

    /// Ids may be strings or numbers (`userId: 42` is stored as `"42"`).
    static func identifier(_ value: JSONValue?, field: String) throws(APIError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case .int(let number)?: return String(number)
        case .double(let number)? where number.isFinite:
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default:
            throw APIError(.badRequest, code: "invalid_field", "\(field) must be a string or a number.", field: field)
        }
    }

    static func text(_ value: JSONValue?, field: String) throws(APIError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw APIError(.badRequest, code: "invalid_field", "\(field) must be a string.", field: field)
        }
    }

    static func object(_ value: JSONValue?, field: String) throws(APIError) -> [String: JSONValue] {
        switch value {
        case nil, .null?: return [:]
        case .object(let object)?: return object
        default: throw APIError(.badRequest, code: "invalid_field", "\(field) must be an object.", field: field)
        }
    }

    /// `kontor-` and 32 hex digits of the SHA-256 of the message without its transport fields.
    static func generatedId(_ object: [String: JSONValue], type: MessageType) -> String {
        var content = object
        for key in ["sentAt", "writeKey", "messageId", "receivedAt"] { content[key] = nil }
        content["type"] = .string(type.rawValue)
        return "kontor-" + PayloadHash.of(.object(content)).prefix(32)
    }
}
