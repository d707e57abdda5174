import Foundation
import KontorCore

/// `POST /api/profile-bulk-import-jobs`: up to 10,000 profiles (5 MB, 100 KB each) upserted by
/// email, phone number or external id and added to the related lists; 202 with the job. Profiles
/// that fail are listed by `GET …/{id}/import-errors`.
struct KlaviyoImport {
    let routes: KlaviyoRoutes

    static let pointer = "/data/attributes/profiles/data"

    func create(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let configuration = routes.configuration
        try BodyLimit(maximumBytes: configuration.maxImportBytes, endpoint: "profile_import").check(request.body) {
            KlaviyoDialect.errors(status: 413, code: "request_too_large", title: "Request entity too large.", detail: "The payload exceeds \(configuration.maxImportBytes) bytes.")
        }
        let data = request.jsonBody()?["data"]
        guard data?["type"]?.stringValue == "profile-bulk-import-job", let profiles = data?["attributes"]?["profiles"]?["data"]?.arrayValue else {
            throw EmulatorRejection(KlaviyoDialect.invalid("Expected a profile-bulk-import-job with attributes.profiles.data.", pointer: Self.pointer))
        }
        try BatchLimit(maximum: configuration.maxProfilesPerImport, endpoint: "profile_import").check(profiles.count, log: routes.log) {
            KlaviyoDialect.invalid("The number of profiles (\(profiles.count)) exceeds the limit of \(configuration.maxProfilesPerImport).", pointer: Self.pointer)
        }
        let lists = (data?["relationships"]?["lists"]?["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let knobs = routes.knobs
        let job = try routes.account.state.withLock { (state: inout KlaviyoAccount.State) throws(EmulatorRejection) -> KlaviyoImportJob in
            if let missing = lists.first(where: { state.lists[$0] == nil }) {
                throw EmulatorRejection(KlaviyoDialect.errors(status: 404, code: "not_found", title: "Not found.", detail: "A list with id \(missing) does not exist."))
            }
            var failed: [JSONValue] = []
            for (position, profile) in profiles.enumerated() {
                if let problem = Self.problem(profile, maxBytes: configuration.maxProfileBytes, knobs: knobs) {
                    failed.append(Self.importError(problem, position: position, profile: profile, id: state.newID(prefix: "err")))
                    continue
                }
                let id = Self.upsert(profile["attributes"]?.objectValue ?? [:], into: &state)
                for list in lists { state.lists[list]?.insert(id) }
            }
            let job = KlaviyoImportJob(id: state.newID(prefix: "job"), total: profiles.count, failed: failed, polls: 0)
            state.jobs[job.id] = job
            return job
        }
        return KlaviyoRoutes.document(Self.json(job, complete: false, at: request.receivedAt, origin: request.origin), status: 202)
    }

    static func problem(_ profile: JSONValue, maxBytes: Int, knobs: DestinationKnobs) -> (detail: String, field: String)? {
        guard profile["type"]?.stringValue == "profile", let attributes = profile["attributes"]?.objectValue else {
            return ("Each profile needs type 'profile' and attributes.", "")
        }
        if JSONText.bytes(profile).count > maxBytes { return ("The profile exceeds \(maxBytes) bytes.", "") }
        let email = attributes["email"]?.stringValue
        let phone = attributes["phone_number"]?.stringValue
        let external = attributes["external_id"]?.stringValue
        guard email != nil || phone != nil || external != nil else { return ("One of email, phone_number or external_id is required.", "email") }
        if let email, !PathText.isPlausibleEmail(email) { return ("Invalid email address: \(email)", "email") }
        if let phone, !(phone.hasPrefix("+") && phone.dropFirst().allSatisfy(\.isNumber) && (8...16).contains(phone.count)) {
            return ("Invalid phone number format (E.164 expected): \(phone)", "phone_number")
        }
        if let refused = knobs.rejection(forAny: [email, phone, external].compactMap { $0 }) { return (refused.reason, "email") }
        return nil
    }

    static func importError(_ problem: (detail: String, field: String), position: Int, profile: JSONValue, id: String) -> JSONValue {
        let pointer = "\(Self.pointer)/\(position)/attributes" + (problem.field.isEmpty ? "" : "/\(problem.field)")
        return [
            "type": "import-error", "id": .string(id),
            "attributes": [
                "code": "invalid", "title": "Invalid input.", "detail": .string(problem.detail),
                "source": ["pointer": .string(pointer)], "original_payload": profile["attributes"] ?? .null,
            ],
        ]
    }

    static let identityKeys: Set<String> = ["email", "phone_number", "external_id", "properties"]

    /// Creates the profile or merges into the one with the same email, phone number or external id.
    static func upsert(_ attributes: [String: JSONValue], into state: inout KlaviyoAccount.State) -> String {
        let email = attributes["email"]?.stringValue
        let phone = attributes["phone_number"]?.stringValue
        let external = attributes["external_id"]?.stringValue
        let id = state.existing(email: email, phone: phone, externalID: external) ?? state.newID(prefix: "01K")
        var profile = state.profiles[id] ?? KlaviyoProfile(id: id, attributes: [:], properties: [:])
        profile.email = email ?? profile.email
        profile.phoneNumber = phone ?? profile.phoneNumber
        profile.externalID = external ?? profile.externalID
        for (key, value) in attributes where !identityKeys.contains(key) { profile.attributes[key] = value }
        for (key, value) in attributes["properties"]?.objectValue ?? [:] { profile.properties[key] = value }
        state.profiles[id] = profile
        state.index(profile)
        return id
    }

    static func json(_ job: KlaviyoImportJob, complete: Bool, at date: Date, origin: String) -> JSONValue {
        let stamp = JSONValue.string(EmulatorTimestamp.format(date, .zuluMilliseconds))
        return [
            "type": "profile-bulk-import-job", "id": .string(job.id),
            "attributes": [
                "status": complete ? "complete" : "queued", "created_at": stamp, "started_at": complete ? stamp : .null,
                "completed_at": complete ? stamp : .null, "expires_at": .null, "total_count": .int(job.total),
                "completed_count": .int(complete ? job.total - job.failed.count : 0), "failed_count": .int(complete ? job.failed.count : 0),
            ],
            "links": ["self": .string("\(origin)/api/profile-bulk-import-jobs/\(job.id)")],
        ]
    }
}
