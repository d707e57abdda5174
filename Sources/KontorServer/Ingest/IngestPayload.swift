import Foundation
import KontorCore

/// A decoded, validated ingest body: the messages to store and the write key
/// the body carried, if any.
///
/// Decoding is all-or-nothing: one bad message in a batch rejects the whole
/// request with a 400 naming it (`batch[3].event`), so nothing is stored and
/// the client is told exactly what to fix.
///
/// ```swift
/// let payload = try IngestPayload(json: bytes, endpoint: .batch, receivedAt: clock.now, limits: .segment)
/// payload.messages.count   // every message of the batch, timestamps corrected
/// ```
public struct IngestPayload: Sendable, Hashable {
    public var messages: [Message]
    /// The body's `writeKey` (HTTP Basic auth is the usual way; this is the fallback).
    public var writeKey: String?

    /// Decodes `json` as the body of `endpoint`, received at `receivedAt`.
    public init(json: [UInt8], endpoint: IngestEndpoint, receivedAt: Date, limits: IngestLimits) throws(APIError) {
        let body = try Self.parseObject(json)
        writeKey = body["writeKey"]?.stringValue
        switch endpoint {
        case .single(let type):
            let reader = SegmentMessageReader(receivedAt: receivedAt, batchSentAt: nil, defaults: [:])
            messages = [try reader.message(from: body, type: type, path: "")]
        case .batch:
            messages = try Self.batchMessages(body, receivedAt: receivedAt, limits: limits)
        }
    }

    private static func batchMessages(_ body: [String: JSONValue], receivedAt: Date, limits: IngestLimits)
        throws(APIError) -> [Message]
    {
        guard case .array(let items)? = body["batch"] else {
            throw APIError(
                .badRequest, code: "invalid_field", "A batch body needs a 'batch' array of messages.", field: "batch")
        }
        let batchSentAt = try SegmentMessageReader.date(body["sentAt"], field: "sentAt")
        var defaults: [String: JSONValue] = [:]
        for key in ["context", "integrations"] {
            guard let value = body[key], value != .null else { continue }
            guard case .object = value else {
                throw APIError(.badRequest, code: "invalid_field", "'\(key)' must be an object.", field: key)
            }
            defaults[key] = value
        }
        let reader = SegmentMessageReader(receivedAt: receivedAt, batchSentAt: batchSentAt, defaults: defaults)
        var messages: [Message] = []
        messages.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let path = "batch[\(index)]"
            guard case .object(let object) = item else {
                throw APIError(.badRequest, code: "invalid_field", "\(path) must be a JSON object.", field: path)
            }
            let size = item.serialized().utf8.count
            guard size <= limits.messageBytes else {
                throw APIError(
                    .badRequest, code: "message_too_large",
                    "\(path) is \(size) bytes, larger than the \(IngestLimits.describe(limits.messageBytes)) limit per message.",
                    field: path)
            }
            guard case .string(let typeName)? = object["type"], let type = MessageType(rawValue: typeName) else {
                let known = MessageType.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(
                    .badRequest, code: "invalid_field", "\(path).type must be one of \(known).", field: "\(path).type")
            }
            messages.append(try reader.message(from: object, type: type, path: path))
        }
        return messages
    }

    private static func parseObject(_ json: [UInt8]) throws(APIError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            throw APIError(.badRequest, code: "invalid_json", "The body is not valid JSON.", field: "body")
        }
        guard case .object(let object) = value else {
            throw APIError(.badRequest, code: "invalid_json", "The body must be a JSON object.", field: "body")
        }
        return object
    }
}
