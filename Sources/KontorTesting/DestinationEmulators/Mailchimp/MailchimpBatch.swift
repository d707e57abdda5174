import KontorCore

/// `POST /lists/{list_id}`: batch subscribe/update of at most 500 members, answering 200 with
/// `new_members`, `updated_members`, `errors[]` and `error_count` even when some members fail.
struct MailchimpBatch {
    let audience: MailchimpAudience
    let knobs: DestinationKnobs
    let limit: BatchLimit
    let log: RequestLog

    struct MemberProblem {
        var message: String
        var code: String
    }

    /// Why the API refuses `email` (invalid, permanently deleted, or refused by the knobs), if it does.
    static func problem(email: String, audience: MailchimpAudience, knobs: DestinationKnobs) -> MemberProblem? {
        guard PathText.isPlausibleEmail(email) else {
            return MemberProblem(message: "\(email) looks fake or invalid, please enter a real email address.", code: "ERROR_GENERIC")
        }
        if let reason = knobs.rejection(for: email) { return MemberProblem(message: reason, code: "ERROR_GENERIC") }
        if audience.permanentlyDeleted[Digests.subscriberHash(email)] != nil {
            return MemberProblem(
                message: "\(email) was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.",
                code: "ERROR_GENERIC"
            )
        }
        return nil
    }

    func respond(_ body: [String: JSONValue]) throws(EmulatorRejection) -> EmulatorReply {
        guard let members = body["members"]?.arrayValue else {
            throw EmulatorRejection(MailchimpDialect.invalid(
                "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
                field: "members", message: "Required property members was not present"))
        }
        try limit.check(members.count, log: log) {
            MailchimpDialect.invalid(
                "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
                field: "members", message: "Maximum number of items is \(limit.maximum), \(members.count) given")
        }
        let updateExisting = body["update_existing"]?.boolValue ?? false
        var created: [JSONValue] = []
        var updated: [JSONValue] = []
        var errors: [JSONValue] = []
        for entry in members {
            let fields = entry.objectValue ?? [:]
            let email = fields["email_address"]?.stringValue ?? ""
            switch apply(fields, email: email, updateExisting: updateExisting) {
            case .created(let member): created.append(member.json(listID: audience.id))
            case .updated(let member): updated.append(member.json(listID: audience.id))
            case .failed(let problem):
                errors.append([
                    "email_address": .string(email), "error": .string(problem.message), "error_code": .string(problem.code),
                    "field": "", "field_message": "",
                ])
            }
        }
        return .json([
            "new_members": .array(created), "updated_members": .array(updated), "errors": .array(errors),
            "total_created": .int(created.count), "total_updated": .int(updated.count), "error_count": .int(errors.count),
            "_links": [],
        ])
    }

    enum Outcome {
        case created(MailchimpMember)
        case updated(MailchimpMember)
        case failed(MemberProblem)
    }

    func apply(_ fields: [String: JSONValue], email: String, updateExisting: Bool) -> Outcome {
        if let problem = Self.problem(email: email, audience: audience, knobs: knobs) { return .failed(problem) }
        let status = fields["status"]?.stringValue
        if let status, !MailchimpMember.statuses.contains(status) {
            return .failed(MemberProblem(message: "Invalid status '\(status)'", code: "ERROR_GENERIC"))
        }
        let hash = Digests.subscriberHash(email)
        if var existing = audience.members[hash], existing.status != "archived" {
            guard updateExisting else {
                return .failed(MemberProblem(message: "\(email) is already a list member. Use PUT to insert or update list members.", code: "ERROR_CONTACT_EXISTS"))
            }
            existing.apply(fields, status: status)
            audience.members.put(hash, existing)
            return .updated(existing)
        }
        guard let status else { return .failed(MemberProblem(message: "Status is required for new members", code: "ERROR_GENERIC")) }
        var member = audience.members[hash] ?? MailchimpMember(status: status, emailAddress: email, mergeFields: [:], tags: [], extra: [:])
        member.apply(fields, status: status)
        audience.members.put(hash, member)
        return .created(member)
    }
}
