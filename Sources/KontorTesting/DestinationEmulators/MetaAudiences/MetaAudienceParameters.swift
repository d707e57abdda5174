import Foundation
import KontorCore

/// The `payload`, `session` and `access_token` of a `/users` or `/usersreplace` call, read from a JSON
/// body, a form body or the query (the Graph API takes all three; a value may itself be JSON text).
struct MetaAudienceParameters {
    var payload: JSONValue?
    var session: JSONValue?

    init(_ request: EmulatorRequest) {
        let fields = Self.fields(request)
        payload = Self.decoded(fields["payload"])
        session = Self.decoded(fields["session"])
    }

    static func bodyToken(_ request: EmulatorRequest) -> String? {
        fields(request)["access_token"]?.stringValue
    }

    private static func fields(_ request: EmulatorRequest) -> [String: JSONValue] {
        if let object = request.jsonBody()?.objectValue { return object }
        var fields: [String: JSONValue] = [:]
        for pair in request.query.pairs { fields[pair.name] = .string(pair.value) }
        if !request.body.isEmpty {
            for pair in QueryParameters(raw: String(decoding: request.body, as: UTF8.self)).pairs { fields[pair.name] = .string(pair.value) }
        }
        return fields
    }

    private static func decoded(_ value: JSONValue?) -> JSONValue? {
        guard case .string(let text)? = value else { return value }
        return (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? value
    }
}

/// A validated `payload`: the schema as multi-key names and the rows as text.
struct MetaPayload {
    static let multiKeys: Set<String> = ["EXTERN_ID", "EMAIL", "PHONE", "GEN", "DOBY", "DOBM", "DOBD", "LN", "FN", "FI", "CT", "ST", "ZIP", "MADID", "COUNTRY"]
    static let singleKeys: [String: String] = ["EMAIL_SHA256": "EMAIL", "PHONE_SHA256": "PHONE", "MOBILE_ADVERTISER_ID": "MADID"]
    /// Keys sent in clear; every other key must be a SHA-256 hex digest.
    static let unhashed: Set<String> = ["MADID", "EXTERN_ID"]

    var schema: [String]
    var rows: [[JSONValue]]

    /// Reads `payload`, throwing Graph's `(#100)` error for a missing or unknown schema or data.
    init(_ payload: JSONValue?, invalid: (String) -> EmulatorReply) throws(EmulatorRejection) {
        guard let payload, let data = payload["data"]?.arrayValue else {
            throw EmulatorRejection(invalid("The parameter payload.data is required"))
        }
        switch payload["schema"] {
        case .string(let key)?:
            guard let multi = Self.singleKeys[key] ?? (Self.multiKeys.contains(key) ? key : nil) else {
                throw EmulatorRejection(invalid("Invalid schema: \(key)"))
            }
            schema = [multi]
            rows = data.map { $0.arrayValue ?? [$0] }
        case .array(let keys)?:
            let names = keys.compactMap(\.stringValue)
            if let unknown = names.first(where: { !Self.multiKeys.contains($0) }) ?? (names.count == keys.count ? nil : "") {
                throw EmulatorRejection(invalid("Invalid schema key: \(unknown)"))
            }
            guard !names.isEmpty, Set(names).count == names.count else { throw EmulatorRejection(invalid("Invalid schema: keys must be distinct")) }
            schema = names
            rows = data.map { $0.arrayValue ?? [] }
        default:
            throw EmulatorRejection(invalid("The parameter payload.schema is required"))
        }
    }

    /// A row's identifiers (non-empty values by key), or why the row is an invalid entry.
    func identifiers(of row: [JSONValue], knobs: DestinationKnobs) -> Result<[String: String], MetaInvalidEntry> {
        guard row.count == schema.count else { return .failure(MetaInvalidEntry(reason: "The number of fields does not match the schema")) }
        var identifiers: [String: String] = [:]
        for (key, value) in zip(schema, row) {
            let text = value.stringValue ?? ""
            if text.isEmpty { continue }
            if !Self.unhashed.contains(key), !(Digests.isSHA256Hex(text) && text == text.lowercased()) {
                return .failure(MetaInvalidEntry(reason: "Invalid \(key): not a normalised SHA-256 hex digest"))
            }
            identifiers[key] = text
        }
        guard !identifiers.isEmpty else { return .failure(MetaInvalidEntry(reason: "Empty row")) }
        if let refused = knobs.rejection(forAny: Array(identifiers.values)) { return .failure(MetaInvalidEntry(reason: refused.reason)) }
        return .success(identifiers)
    }
}

struct MetaInvalidEntry: Error {
    var reason: String
}
