import Foundation
import KontorCore

/// Contact-list operations under `/v2/email/contact-lists/{ContactListName}`.
struct SESRoutes {
    let configuration: SESConfiguration
    let account: SESAccount
    let knobs: DestinationKnobs

    var endpoints: [EmulatorEndpoint] {
        let list = "/v2/email/contact-lists/:list"
        return [
            EmulatorEndpoint("GET", list, name: "get_contact_list") { try contactList($0) },
            EmulatorEndpoint("POST", "\(list)/contacts", name: "create_contact") { try create($0) },
            EmulatorEndpoint("POST", "\(list)/contacts/list", name: "list_contacts") { try listContacts($0) },
            EmulatorEndpoint("GET", "\(list)/contacts/:email", name: "get_contact") { try contact($0) },
            EmulatorEndpoint("PUT", "\(list)/contacts/:email", name: "update_contact") { try update($0) },
            EmulatorEndpoint("DELETE", "\(list)/contacts/:email", name: "delete_contact") { try delete($0) },
        ]
    }

    func listName(_ request: EmulatorRequest) throws(EmulatorRejection) -> String {
        let name = PathText.decode(request.pathParameters["list"] ?? "")
        guard account.lists.withLock({ $0[name] != nil }) else {
            throw EmulatorRejection(SESDialect.error("NotFoundException", "List with name \(name) does not exist.", status: 404))
        }
        return name
    }

    func email(_ request: EmulatorRequest) -> String { PathText.decode(request.pathParameters["email"] ?? "") }

    func checked(_ email: String) throws(EmulatorRejection) -> String {
        guard PathText.isPlausibleEmail(email) else { throw EmulatorRejection(SESDialect.error("BadRequestException", "Invalid email address: \(email)", status: 400)) }
        if let reason = knobs.rejection(for: email) { throw EmulatorRejection(SESDialect.error("BadRequestException", reason, status: 400)) }
        return email
    }

    func contactList(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let name = try listName(request)
        return .json([
            "ContactListName": .string(name),
            "Topics": .array(configuration.topics.map { ["TopicName": .string($0), "DisplayName": .string($0), "DefaultSubscriptionStatus": "OPT_OUT"] }),
        ])
    }

    /// CreateContact: 200 `{}`; an existing e-mail is 400 `AlreadyExistsException` (not idempotent).
    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listName(request)
        let body = request.jsonBody()?.objectValue ?? [:]
        guard let address = body["EmailAddress"]?.stringValue else {
            throw EmulatorRejection(SESDialect.error("BadRequestException", "EmailAddress is required.", status: 400))
        }
        let email = try checked(address)
        let now = request.receivedAt
        try account.lists.withLock { (lists: inout [String: [String: SESContact]]) throws(EmulatorRejection) in
            guard lists[list]?[email.lowercased()] == nil else {
                throw EmulatorRejection(SESDialect.error("AlreadyExistsException", "Contact already exists in list \(list).", status: 400))
            }
            var contact = SESContact(emailAddress: email, topicPreferences: [:], unsubscribeAll: false, createdAt: now, updatedAt: now)
            contact.apply(body, at: now)
            lists[list]?[email.lowercased()] = contact
        }
        return .json([:])
    }

    /// UpdateContact: 200 `{}`; a missing contact is 404 `NotFoundException` unless `updateCreatesMissing`.
    func update(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listName(request)
        let email = try checked(email(request))
        let body = request.jsonBody()?.objectValue ?? [:]
        let now = request.receivedAt
        let creates = configuration.updateCreatesMissing
        try account.lists.withLock { (lists: inout [String: [String: SESContact]]) throws(EmulatorRejection) in
            var contact = lists[list]?[email.lowercased()]
            if contact == nil, creates { contact = SESContact(emailAddress: email, topicPreferences: [:], unsubscribeAll: false, createdAt: now, updatedAt: now) }
            guard var contact else { throw EmulatorRejection(SESDialect.error("NotFoundException", "Contact \(email) does not exist in list \(list).", status: 404)) }
            contact.apply(body, at: now)
            lists[list]?[email.lowercased()] = contact
        }
        return .json([:])
    }

    func contact(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listName(request)
        let email = email(request)
        guard let contact = account.contacts(list: list)[email.lowercased()] else {
            throw EmulatorRejection(SESDialect.error("NotFoundException", "Contact \(email) does not exist in list \(list).", status: 404))
        }
        return .json(contact.json(list: list, topics: configuration.topics))
    }

    /// DeleteContact: 200 `{}`; a missing contact is 404 `NotFoundException`.
    func delete(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listName(request)
        let email = email(request)
        let removed = account.lists.withLock { $0[list]?.removeValue(forKey: email.lowercased()) != nil }
        guard removed else { throw EmulatorRejection(SESDialect.error("NotFoundException", "Contact \(email) does not exist in list \(list).", status: 404)) }
        account.deleted.withLock { $0.append(email) }
        return .json([:])
    }

    /// ListContacts (`POST …/contacts/list`, `PageSize` ≤ 1000, `NextToken` = offset).
    func listContacts(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let list = try listName(request)
        let body = request.jsonBody()?.objectValue ?? [:]
        let size = min(max(body["PageSize"]?.intValue ?? 100, 1), 1000)
        let offset = Int(body["NextToken"]?.stringValue ?? "0") ?? 0
        let all = account.contacts(list: list).values.sorted { $0.emailAddress.lowercased() < $1.emailAddress.lowercased() }
        let page = all.dropFirst(offset).prefix(size).map { $0.json(list: list, topics: configuration.topics) }
        var reply: [String: JSONValue] = ["Contacts": .array(Array(page))]
        if offset + size < all.count { reply["NextToken"] = .string(String(offset + size)) }
        return .json(.object(reply))
    }
}
