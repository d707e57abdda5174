import Foundation
import KontorCore

/// A response an emulator sends: status, headers in order, body bytes.
public struct EmulatorReply: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var status: Int
    public var headers: [Header]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers.map { Header(name: $0.0, value: $0.1) }
        self.body = body
    }

    /// A JSON response (keys sorted, slashes unescaped) with `Content-Type: application/json; charset=utf-8`.
    public static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> EmulatorReply {
        EmulatorReply(
            status: status,
            headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: JSONText.bytes(value)
        )
    }

    /// Adds a header (keeps existing ones of the same name).
    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append(Header(name: name, value: value))
    }

    /// The first value of a header by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// This reply with its body cut to half its length (a malformed-body fault).
    public func truncated() -> EmulatorReply {
        var copy = self
        copy.body = Array(body.prefix(body.count / 2))
        return copy
    }
}

/// Serialises `JSONValue` deterministically for emulator bodies.
enum JSONText {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(value))) ?? Array("null".utf8)
    }

    static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }
}

/// Thrown by a handler to answer with an API error instead of a result; the emulator records `violation`.
public struct EmulatorRejection: Error, Sendable {
    public var reply: EmulatorReply
    public var violation: LimitViolation?

    public init(_ reply: EmulatorReply, violation: LimitViolation? = nil) {
        self.reply = reply
        self.violation = violation
    }
}
