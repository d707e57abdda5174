import Foundation
import KontorCore

/// Contacts, contact import, and list add/remove under `/v3`.
struct BrevoRoutes {
    let configuration: BrevoConfiguration
    let account: BrevoAccount
    let knobs: DestinationKnobs
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/v3/contacts/lists/:listID", name: "list") { try list($0) },
            EmulatorEndpoint("POST", "/v3/contacts/lists/:listID/contacts/add", name: "list_add") { try membership($0, adding: true) },
            EmulatorEndpoint("POST", "/v3/contacts/lists/:listID/contacts/remove", name: "list_remove") { try membership($0, adding: false) },
            EmulatorEndpoint("POST", "/v3/contacts/import", name: "import") { try BrevoImport(routes: self).create($0) },
            EmulatorEndpoint("POST", "/v3/contacts", name: "contact_create") { try create($0) },
            EmulatorEndpoint("GET", "/v3/contacts/:identifier", name: "contact") { try contact($0) },
            EmulatorEndpoint("DELETE", "/v3/contacts/:identifier", name: "contact_delete") { try delete($0) },
        ]
    }

    static func notFound(_ message: String) -> EmulatorRejection {
        EmulatorRejection(BrevoDialect.error("document_not_found", message, status: 404))
    }

    func listID(_ request: EmulatorRequest) throws(EmulatorRejection) -> Int {
        guard let id = Int(request.pathParameters["listID"] ?? ""), account.state.withLock({ $0.lists.contains(id) }) else {
            throw Self.notFound("List ID does not exist")
        }
        return id
    }

    func list(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let id = try listID(request)
        let count = account.memberEmails(list: id).count
        return .json(["id": .int(id), "name": "Kontor emulator list", "folderId": 1, "totalBlacklisted": 0, "totalSubscribers": .int(count), "uniqueSubscribers": .int(count)])
    }

    /// `{"emails"|"ids"|"extIds": [...]}` (≤ 150), or `{"all": true}` to remove; 201 with
    /// `contacts.success`/`failure` (unknown contacts fail; already on / not on the list succeed).
    func membership(_ request: EmulatorRequest, adding: Bool) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listID(request)
        let body = request.jsonBody()?.objectValue ?? [:]
        let kinds = ["emails", "ids", "extIds"].filter { body[$0] != nil }
        if !adding, body["all"]?.boolValue == true {
            let removed = account.state.withLock { state -> [JSONValue] in
                var removed: [JSONValue] = []
                for (key, contact) in state.contacts where contact.listIDs.contains(list) {
                    state.contacts[key]?.listIDs.remove(list)
                    removed.append(.string(contact.email))
                }
                return removed
            }
            return .json(["contacts": ["success": .array(removed), "failure": [], "total": .int(removed.count)]], status: 201)
        }
        guard kinds.count == 1, let kind = kinds.first, let values = body[kind]?.arrayValue, !values.isEmpty else {
            throw EmulatorRejection(BrevoDialect.error("invalid_parameter", "Give exactly one of emails, ids or extIds", status: 400))
        }
        try BatchLimit(maximum: configuration.maxListBatch, endpoint: adding ? "list_add" : "list_remove").check(values.count, log: log) {
            BrevoDialect.error("invalid_parameter", "\(kind) can hold at most \(configuration.maxListBatch) values (\(values.count) given)", status: 400)
        }
        let knobs = knobs
        let (success, failure) = account.state.withLock { state -> ([JSONValue], [JSONValue]) in
            var success: [JSONValue] = []
            var failure: [JSONValue] = []
            for value in values {
                let identifier = value.stringValue ?? value.intValue.map(String.init) ?? ""
                guard var contact = state.contact(identifier: identifier), knobs.rejection(for: identifier) == nil else {
                    failure.append(value)
                    continue
                }
                if adding { contact.listIDs.insert(list) } else { contact.listIDs.remove(list) }
                state.contacts[contact.email.lowercased()] = contact
                success.append(value)
            }
            return (success, failure)
        }
        return .json(["contacts": ["success": .array(success), "failure": .array(failure), "total": .int(values.count)]], status: 201)
    }

    /// `POST /v3/contacts` `{email, attributes, listIds, ext_id, updateEnabled}`: 201 `{id}`, or 204 when updated.
    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let body = request.jsonBody()?.objectValue ?? [:]
        guard let email = body["email"]?.stringValue else { throw EmulatorRejection(BrevoDialect.error("missing_parameter", "email is missing", status: 400)) }
        guard PathText.isPlausibleEmail(email) else { throw EmulatorRejection(BrevoDialect.error("invalid_parameter", "Invalid email address", status: 400)) }
        if let reason = knobs.rejection(for: email) { throw EmulatorRejection(BrevoDialect.error("invalid_parameter", reason, status: 400)) }
        let lists = (body["listIds"]?.arrayValue ?? []).compactMap(\.intValue)
        let update = body["updateEnabled"]?.boolValue ?? false
        let outcome = account.state.withLock { state -> Int? in
            if state.contacts[email.lowercased()] != nil, !update { return nil }
            let created = state.upsert(email: email, attributes: body["attributes"]?.objectValue ?? [:], extID: body["ext_id"]?.stringValue, lists: lists, update: true)
            return created ? state.contacts[email.lowercased()]?.id ?? 0 : -1
        }
        guard let outcome else { throw EmulatorRejection(BrevoDialect.error("duplicate_parameter", "Unable to create contact, email is already associated with another Contact", status: 400)) }
        return outcome >= 0 ? .json(["id": .int(outcome)], status: 201) : EmulatorReply(status: 204)
    }

    func contact(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let identifier = PathText.decode(request.pathParameters["identifier"] ?? "")
        guard let contact = account.state.withLock({ $0.contact(identifier: identifier) }) else { throw Self.notFound("Contact does not exist") }
        return .json([
            "id": .int(contact.id), "email": .string(contact.email), "attributes": .object(contact.attributes),
            "listIds": .array(contact.listIDs.sorted().map { .int($0) }), "emailBlacklisted": false, "smsBlacklisted": false,
        ])
    }

    /// `DELETE /v3/contacts/{email|id|ext_id}`: 204, or 404 `document_not_found`.
    func delete(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let identifier = PathText.decode(request.pathParameters["identifier"] ?? "")
        let removed = account.state.withLock { state -> Bool in
            guard let contact = state.contact(identifier: identifier) else { return false }
            state.contacts[contact.email.lowercased()] = nil
            state.deleted.append(contact.email)
            return true
        }
        guard removed else { throw Self.notFound("Contact does not exist") }
        return EmulatorReply(status: 204)
    }
}
