import Foundation
import KontorCore

/// The deterministic `messageId` of a pulled record's message: the same
/// record (same primary key, same cursor value) read again gives the same id,
/// so the event log stores it once.
///
/// `pull-` followed by the hex SHA-256 of source, stream, emit rule index,
/// primary key values (the whole record when there is no primary key) and
/// cursor value, separated by U+001F.
enum MessageIdentity {
    static func messageID(source: String, stream: String, rule: Int, key: JSONValue, cursor: JSONValue?) -> String {
        let parts = [source, stream, String(rule), canonical(key), cursor.map(canonical) ?? ""]
        return "pull-" + PIIHasher.hash(parts.joined(separator: "\u{1F}"), algorithm: .sha256, digest: .hex)
    }

    /// The default `messageId` of an inbound delivery's message: `hook-` and the hex SHA-256 of
    /// source, stream, emit rule index and `delivery` (the delivery id and the record's index in it).
    static func deliveryMessageID(source: String, stream: String, rule: Int, delivery: String) -> String {
        let parts = [source, stream, String(rule), delivery]
        return "hook-" + PIIHasher.hash(parts.joined(separator: "\u{1F}"), algorithm: .sha256, digest: .hex)
    }

    /// JSON text with sorted keys: equal values give equal text.
    static func canonical(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
