import Foundation
import KontorCore

/// The audience endpoints under `/3.0/lists/{list_id}`: batch subscribe/update, single-member upsert,
/// archive, tags, permanent delete and the member listing.
struct MailchimpRoutes {
    let configuration: MailchimpConfiguration
    let audiences: [String: MailchimpAudience]
    let knobs: DestinationKnobs
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        let members = "/3.0/lists/:listID/members"
        return [
            EmulatorEndpoint("GET", "/3.0/lists/:listID", name: "list") { try list($0) },
            EmulatorEndpoint("POST", "/3.0/lists/:listID", name: "batch") { try batch($0) },
            EmulatorEndpoint("GET", members, name: "members") { try listMembers($0) },
            EmulatorEndpoint("POST", members, name: "member_create") { try create($0) },
            EmulatorEndpoint("GET", "\(members)/:hash", name: "member") { try member($0) },
            EmulatorEndpoint("PUT", "\(members)/:hash", name: "member_upsert") { try upsert($0) },
            EmulatorEndpoint("DELETE", "\(members)/:hash", name: "member_archive") { try archive($0) },
            EmulatorEndpoint("POST", "\(members)/:hash/tags", name: "member_tags") { try tags($0) },
            EmulatorEndpoint("POST", "\(members)/:hash/actions/delete-permanent", name: "delete_permanent") { try deletePermanent($0) },
        ]
    }

    func audience(_ request: EmulatorRequest) throws(EmulatorRejection) -> MailchimpAudience {
        guard let audience = audiences[request.pathParameters["listID"] ?? ""] else { throw EmulatorRejection(MailchimpDialect.notFound()) }
        return audience
    }

    /// The path's `{subscriber_hash}`: a hash, or the e-mail itself (both accepted by the API).
    func hash(_ request: EmulatorRequest) -> String {
        let raw = PathText.decode(request.pathParameters["hash"] ?? "")
        return raw.contains("@") ? Digests.subscriberHash(raw) : raw.lowercased()
    }

    func body(_ request: EmulatorRequest) throws(EmulatorRejection) -> [String: JSONValue] {
        guard let body = request.jsonBody()?.objectValue else {
            throw EmulatorRejection(MailchimpDialect.problem("JSON Parse Error", status: 400, detail: "We encountered an unspecified JSON parsing error."))
        }
        return body
    }

    func list(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        return .json(["id": .string(audience.id), "name": "Kontor emulator audience", "stats": ["member_count": .int(audience.emails.count)]])
    }

    func listMembers(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let count = try configuration.memberPageSize.resolve(request.query["count"], endpoint: "members", log: log) { text in
            MailchimpDialect.invalid("count must be at most \(configuration.memberPageSize.maximum), got \(text)")
        }
        let offset = Int(request.query["offset"] ?? "0") ?? 0
        var all = audience.members.snapshot.values.sorted { $0.emailAddress.lowercased() < $1.emailAddress.lowercased() }
        if let status = request.query["status"] { all = all.filter { $0.status == status } }
        let page = all.dropFirst(offset).prefix(count).map { $0.json(listID: audience.id) }
        return .json(["members": .array(Array(page)), "list_id": .string(audience.id), "total_items": .int(all.count)])
    }

    func member(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        guard let member = audience.members[hash(request)] else { throw EmulatorRejection(MailchimpDialect.notFound()) }
        return .json(member.json(listID: audience.id))
    }

    /// `POST /lists/{id}/members`: creates, and answers 400 "Member Exists" for a member already there.
    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let body = try body(request)
        let email = body["email_address"]?.stringValue ?? ""
        try checkEmail(email, audience: audience)
        let hash = Digests.subscriberHash(email)
        if let existing = audience.members[hash], existing.status != "archived" {
            throw EmulatorRejection(MailchimpDialect.invalid("\(email) is already a list member. Use PUT to insert or update list members.").retitled("Member Exists"))
        }
        guard let status = body["status"]?.stringValue, MailchimpMember.statuses.contains(status) else {
            throw EmulatorRejection(MailchimpDialect.invalid("The resource submitted could not be validated.", field: "status", message: "Schema describes enum, but input is not one of its values"))
        }
        var member = MailchimpMember(status: status, emailAddress: email, mergeFields: [:], tags: [], extra: [:])
        member.apply(body, status: status)
        audience.members.put(hash, member)
        return .json(member.json(listID: audience.id))
    }

    /// `PUT /lists/{id}/members/{hash}`: the idempotent upsert (`status_if_new` for new members).
    func upsert(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let body = try body(request)
        let email = body["email_address"]?.stringValue ?? ""
        try checkEmail(email, audience: audience)
        let hash = Digests.subscriberHash(email)
        guard hash == self.hash(request) else {
            throw EmulatorRejection(MailchimpDialect.invalid("The subscriber hash in the path does not match the email_address in the body.", field: "email_address", message: "hash mismatch"))
        }
        let existing = audience.members[hash]
        let status = body["status"]?.stringValue ?? (existing == nil || existing?.status == "archived" ? body["status_if_new"]?.stringValue : nil)
        if let status, !MailchimpMember.statuses.contains(status) {
            throw EmulatorRejection(MailchimpDialect.invalid("The resource submitted could not be validated.", field: "status", message: "Schema describes enum, but input is not one of its values"))
        }
        guard existing != nil || status != nil else {
            throw EmulatorRejection(MailchimpDialect.invalid("The resource submitted could not be validated.", field: "status_if_new", message: "This value should not be blank."))
        }
        var member = existing ?? MailchimpMember(status: "subscribed", emailAddress: email, mergeFields: [:], tags: [], extra: [:])
        member.apply(body, status: status)
        audience.members.put(hash, member)
        return .json(member.json(listID: audience.id))
    }

    /// `DELETE /lists/{id}/members/{hash}`: archives (204); an unknown or archived member is 404.
    func archive(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let hash = hash(request)
        guard var member = audience.members[hash], member.status != "archived" else { throw EmulatorRejection(MailchimpDialect.notFound()) }
        member.status = "archived"
        audience.members.put(hash, member)
        return EmulatorReply(status: 204)
    }

    /// `POST …/tags` `{"tags":[{"name","status":"active|inactive"}]}`: 204; the member must exist.
    func tags(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let body = try body(request)
        let hash = hash(request)
        guard var member = audience.members[hash] else { throw EmulatorRejection(MailchimpDialect.notFound()) }
        guard let tags = body["tags"]?.arrayValue else {
            throw EmulatorRejection(MailchimpDialect.invalid("The resource submitted could not be validated.", field: "tags", message: "Required property tags was not present"))
        }
        for tag in tags {
            guard let name = tag["name"]?.stringValue else { continue }
            if tag["status"]?.stringValue == "inactive" { member.tags.remove(name) } else { member.tags.insert(name) }
        }
        audience.members.put(hash, member)
        return EmulatorReply(status: 204)
    }

    /// `POST …/actions/delete-permanent`: 204; the e-mail can never be re-imported.
    func deletePermanent(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let hash = hash(request)
        guard audience.members.remove(hash) else { throw EmulatorRejection(MailchimpDialect.notFound()) }
        audience.permanentlyDeleted.put(hash, true)
        return EmulatorReply(status: 204)
    }

    func checkEmail(_ email: String, audience: MailchimpAudience) throws(EmulatorRejection) {
        if let problem = MailchimpBatch.problem(email: email, audience: audience, knobs: knobs) {
            throw EmulatorRejection(MailchimpDialect.invalid(problem.message, field: "email_address", message: problem.message).retitled("Invalid Resource"))
        }
    }
}

extension MailchimpRoutes {
    func batch(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try audience(request)
        let limit = BatchLimit(maximum: configuration.maxBatchMembers, endpoint: "batch")
        return try MailchimpBatch(audience: audience, knobs: knobs, limit: limit, log: log).respond(try body(request))
    }
}
