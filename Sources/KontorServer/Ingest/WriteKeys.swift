import Foundation
import Hummingbird

/// The write keys the ingest API accepts, and how a request presents one.
///
/// Segment's libraries send the key as the HTTP Basic user name with an empty
/// password (`Authorization: Basic base64("KEY:")`); some also put it in the
/// body as `writeKey`, and `Authorization: Bearer KEY` is accepted too. The
/// header wins when both are present. Keys are compared in constant time and
/// never logged.
struct WriteKeys: Sendable {
    private let keys: [[UInt8]]

    init(_ keys: [String]) {
        self.keys = keys.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// The key the `Authorization` header carries; `nil` when there is no header.
    /// An unreadable header is an error, never silently ignored.
    static func key(fromAuthorization header: String?) throws(APIError) -> String? {
        guard let header, !header.isEmpty else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw malformedHeader }
        let credentials = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0].lowercased() {
        case "basic":
            guard let data = Data(base64Encoded: credentials), let text = String(data: data, encoding: .utf8) else {
                throw malformedHeader
            }
            return String(text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
        case "bearer":
            return credentials
        default:
            throw malformedHeader
        }
    }

    /// Throws 401 unless `key` is one of the configured keys.
    func check(_ key: String?) throws(APIError) {
        guard let key, !key.isEmpty else {
            throw APIError(
                .unauthorized, code: "missing_write_key",
                "No write key: send it as the HTTP Basic user name, or as 'writeKey' in the body.",
                field: "writeKey")
        }
        let candidate = Array(key.utf8)
        var matched = false
        for known in keys where Self.constantTimeEqual(known, candidate) { matched = true }
        guard matched else {
            throw APIError(.unauthorized, code: "invalid_write_key", "The write key is not valid.", field: "writeKey")
        }
    }

    private static let malformedHeader = APIError(
        .unauthorized, code: "invalid_authorization",
        "The Authorization header is not 'Basic <base64 of KEY:>' or 'Bearer <KEY>'.", field: "Authorization")

    /// Equal bytes, in time that depends only on the lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
