import Foundation
import KontorCore

/// The JSON form in which every engine stores messages, cursors and counts.
///
/// Both engines use this one coder so that the same message has the same
/// bytes everywhere: keys sorted, slashes unescaped, dates as
/// ``StoreTimestamp`` text (UTC, milliseconds). Numbers that JSON cannot hold
/// (NaN, infinity) are refused with a ``StoreError`` of kind `.encoding`
/// naming where the value sits.
///
/// A coder holds a `JSONEncoder` and a `JSONDecoder`; make one per operation
/// rather than sharing one between tasks.
///
/// ```swift
/// let coding = MessageCoding()
/// let text = try coding.encode(message)          // {"messageId":"m-1","timestamp":"2024-05-01T10:00:00.000Z",…}
/// let back = try coding.decodeMessage(text)
/// ```
public struct MessageCoding {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    public init() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom(Self.encodeDate)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(Self.decodeDate)
        self.encoder = encoder
        self.decoder = decoder
    }

    /// The stored JSON text of `message`.
    public func encode(_ message: Message) throws(StoreError) -> String {
        try encodeValue(message, what: "message '\(message.messageId)'")
    }

    /// The message stored as `text`.
    public func decodeMessage(_ text: String) throws(StoreError) -> Message {
        try decodeValue(Message.self, from: text, what: "a stored message")
    }

    /// The stored JSON text of a JSON value (cursors, traits, payloads).
    public func encode(_ value: JSONValue, what: String = "a value") throws(StoreError) -> String {
        try encodeValue(value, what: what)
    }

    /// The JSON value stored as `text`.
    public func decodeJSON(_ text: String, what: String = "a stored value") throws(StoreError) -> JSONValue {
        try decodeValue(JSONValue.self, from: text, what: what)
    }

    /// The stored JSON text of any `Encodable` value; `what` names it in errors.
    public func encodeValue<T: Encodable>(_ value: T, what: String) throws(StoreError) -> String {
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self)
        } catch let error as EncodingError {
            throw StoreError(.encoding, "\(what) cannot be stored as JSON: \(Self.explain(error))")
        } catch {
            throw StoreError(.encoding, "\(what) cannot be stored as JSON: \(error)")
        }
    }

    /// The value of type `T` stored as `text`; `what` names it in errors.
    public func decodeValue<T: Decodable>(_ type: T.Type, from text: String, what: String) throws(StoreError) -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw StoreError(.decoding, "\(what) cannot be read back: \(Self.explain(error))")
        } catch {
            throw StoreError(.decoding, "\(what) cannot be read back: \(error)")
        }
    }

    @Sendable private static func encodeDate(_ date: Date, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(StoreTimestamp.string(from: date))
    }

    @Sendable private static func decodeDate(from decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = StoreTimestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO-8601 timestamp")
        }
        return date
    }

    private static func explain(_ error: EncodingError) -> String {
        switch error {
        case .invalidValue(_, let context): return describe(context.codingPath, context.debugDescription)
        @unknown default: return "\(error)"
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            return describe(context.codingPath, context.debugDescription)
        @unknown default: return "\(error)"
        }
    }

    private static func describe(_ path: [any CodingKey], _ detail: String) -> String {
        let location = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return location.isEmpty ? detail : "at \(location): \(detail)"
    }
}
