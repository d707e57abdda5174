/// The read keys the personalisation API accepts (`server.read_keys`).
///
/// A key is sent as the HTTP Basic user name (empty password), like a
/// Segment write key, or as `Authorization: Bearer KEY`. Read keys end up in
/// web pages, so they are not secrets from visitors: they only open the
/// exposed traits and segments. Keys are compared in constant time and never logged.
struct ReadKeys: Sendable {
    private let keys: [[UInt8]]

    init(_ keys: [String]) {
        self.keys = keys.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Throws 401 unless the `Authorization` header carries one of the keys.
    func check(authorization header: String?) throws(APIError) {
        guard let key = try WriteKeys.key(fromAuthorization: header), !key.isEmpty else {
            throw APIError(
                .unauthorized, code: "missing_read_key",
                "No read key: send it as the HTTP Basic user name or as 'Authorization: Bearer <key>'.",
                field: "Authorization")
        }
        let candidate = Array(key.utf8)
        var matched = false
        for known in keys where WriteKeys.constantTimeEqual(known, candidate) { matched = true }
        guard matched else {
            throw APIError(.unauthorized, code: "invalid_read_key", "The read key is not valid.", field: "Authorization")
        }
    }
}
