import KontorCore

/// One member of an emulated Mailchimp audience.
public struct MailchimpMember: Sendable, Hashable {
    /// `subscribed`, `unsubscribed`, `cleaned`, `pending`, `transactional` or `archived`.
    public var status: String
    public var emailAddress: String
    public var mergeFields: [String: JSONValue]
    public var tags: Set<String>
    /// Every other field as sent (`language`, `vip`, `interests`, …).
    public var extra: [String: JSONValue]

    /// The member as the API returns it.
    func json(listID: String) -> JSONValue {
        var body = extra
        body["id"] = .string(Digests.subscriberHash(emailAddress))
        body["email_address"] = .string(emailAddress)
        body["status"] = .string(status)
        body["merge_fields"] = .object(mergeFields)
        body["tags"] = .array(tags.sorted().map { ["name": .string($0)] })
        body["list_id"] = .string(listID)
        return .object(body)
    }

    static let statuses: Set<String> = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional"]
    static let known: Set<String> = ["email_address", "status", "status_if_new", "merge_fields", "tags"]

    /// Applies a request body's fields (status, merge fields merged key by key, tags added).
    mutating func apply(_ body: [String: JSONValue], status newStatus: String?) {
        if let newStatus { status = newStatus }
        for (key, value) in body["merge_fields"]?.objectValue ?? [:] { mergeFields[key] = value }
        for tag in body["tags"]?.arrayValue ?? [] {
            if let name = tag.stringValue ?? tag["name"]?.stringValue { tags.insert(name) }
        }
        for (key, value) in body where !Self.known.contains(key) { extra[key] = value }
    }
}

/// One emulated audience: members by subscriber hash, and the permanently deleted hashes
/// (which Mailchimp refuses to re-import).
public final class MailchimpAudience: Sendable {
    public let id: String
    /// Members by subscriber hash (archived ones included, with status `archived`).
    public let members = MemberStore<MailchimpMember>()
    /// Subscriber hashes deleted with `delete-permanent`.
    public let permanentlyDeleted = MemberStore<Bool>()

    init(id: String) {
        self.id = id
    }

    /// Lower-cased e-mails of members that are not archived: what a mirrored segment must equal.
    public var emails: Set<String> {
        Set(members.snapshot.values.filter { $0.status != "archived" }.map { $0.emailAddress.lowercased() })
    }

    /// Lower-cased e-mails of archived members.
    public var archivedEmails: Set<String> {
        Set(members.snapshot.values.filter { $0.status == "archived" }.map { $0.emailAddress.lowercased() })
    }

    /// The member with this e-mail (any case).
    public func member(email: String) -> MailchimpMember? {
        members[Digests.subscriberHash(email)]
    }
}
