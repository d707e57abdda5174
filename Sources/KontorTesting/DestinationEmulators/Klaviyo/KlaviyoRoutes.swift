import Foundation
import KontorCore

/// Lists, list relationships, bulk profile import jobs and data-privacy deletion under `/api`.
struct KlaviyoRoutes {
    let configuration: KlaviyoConfiguration
    let account: KlaviyoAccount
    let knobs: DestinationKnobs
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        let jobs = "/api/profile-bulk-import-jobs"
        let membership = "/api/lists/:listID/relationships/profiles"
        return [
            EmulatorEndpoint("GET", "/api/lists/:listID", name: "list") { try list($0) },
            EmulatorEndpoint("POST", membership, name: "list_add") { try relationships($0, adding: true) },
            EmulatorEndpoint("DELETE", membership, name: "list_remove") { try relationships($0, adding: false) },
            EmulatorEndpoint("POST", jobs, name: "profile_import") { try KlaviyoImport(routes: self).create($0) },
            EmulatorEndpoint("GET", "\(jobs)/:jobID", name: "profile_import_job") { try job($0) },
            EmulatorEndpoint("GET", "\(jobs)/:jobID/import-errors", name: "profile_import_errors") { try importErrors($0) },
            EmulatorEndpoint("POST", "/api/data-privacy-deletion-jobs", name: "deletion") { try delete($0) },
        ].map(requiringRevision)
    }

    /// Every endpoint needs a `revision: YYYY-MM-DD` header; without it a 400 and a `.contract` violation.
    func requiringRevision(_ endpoint: EmulatorEndpoint) -> EmulatorEndpoint {
        var wrapped = endpoint
        let handler = endpoint.handler
        wrapped.handler = { request in
            let revision = request.header("revision") ?? ""
            let parts = revision.split(separator: "-")
            guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
                throw EmulatorRejection(
                    KlaviyoDialect.invalid(revision.isEmpty ? "Missing `revision` header." : "Invalid `revision` header: \(revision).", parameter: "revision"),
                    violation: LimitViolation(.contract, endpoint: endpoint.name, detail: "revision header missing or malformed")
                )
            }
            return try await handler(request)
        }
        return wrapped
    }

    static func document(_ data: JSONValue, status: Int = 200) -> EmulatorReply {
        EmulatorReply(status: status, headers: [("Content-Type", "application/vnd.api+json")], body: JSONText.bytes(["data": data]))
    }

    func list(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let id = request.pathParameters["listID"] ?? ""
        guard account.state.withLock({ $0.lists[id] != nil }) else {
            throw EmulatorRejection(KlaviyoDialect.errors(status: 404, code: "not_found", title: "Not found.", detail: "A list with id \(id) does not exist."))
        }
        return Self.document(["type": "list", "id": .string(id), "attributes": ["name": "Kontor emulator list"]])
    }

    /// Adds or removes `{"data":[{"type":"profile","id"}]}` (≤ 1,000); 204. Unknown ids are ignored.
    func relationships(_ request: EmulatorRequest, adding: Bool) throws(EmulatorRejection) -> EmulatorReply {
        let listID = request.pathParameters["listID"] ?? ""
        guard let data = request.jsonBody()?["data"]?.arrayValue else {
            throw EmulatorRejection(KlaviyoDialect.invalid("The request body must hold a `data` array.", pointer: "/data"))
        }
        let limit = BatchLimit(maximum: configuration.maxRelationshipsPerRequest, endpoint: adding ? "list_add" : "list_remove")
        try limit.check(data.count, log: log) {
            KlaviyoDialect.invalid("The number of profiles (\(data.count)) exceeds the limit of \(configuration.maxRelationshipsPerRequest).", pointer: "/data")
        }
        var ids: [String] = []
        for (position, item) in data.enumerated() {
            guard item["type"]?.stringValue == "profile", let id = item["id"]?.stringValue else {
                throw EmulatorRejection(KlaviyoDialect.invalid("Each item needs type 'profile' and an id.", pointer: "/data/\(position)"))
            }
            ids.append(id)
        }
        try account.state.withLock { (state: inout KlaviyoAccount.State) throws(EmulatorRejection) in
            guard state.lists[listID] != nil else {
                throw EmulatorRejection(KlaviyoDialect.errors(status: 404, code: "not_found", title: "Not found.", detail: "A list with id \(listID) does not exist."))
            }
            for id in ids where state.profiles[id] != nil {
                if adding { state.lists[listID]?.insert(id) } else { state.lists[listID]?.remove(id) }
            }
        }
        return EmulatorReply(status: 204)
    }

    func job(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let id = request.pathParameters["jobID"] ?? ""
        let polls = configuration.pollsUntilComplete
        guard let job = account.state.withLock({ (state: inout KlaviyoAccount.State) -> KlaviyoImportJob? in
            state.jobs[id]?.polls += 1
            return state.jobs[id]
        }) else {
            throw EmulatorRejection(KlaviyoDialect.errors(status: 404, code: "not_found", title: "Not found.", detail: "No import job \(id)."))
        }
        return Self.document(KlaviyoImport.json(job, complete: job.polls >= polls, at: request.receivedAt, origin: request.origin))
    }

    func importErrors(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let id = request.pathParameters["jobID"] ?? ""
        guard let job = account.jobs[id] else {
            throw EmulatorRejection(KlaviyoDialect.errors(status: 404, code: "not_found", title: "Not found.", detail: "No import job \(id)."))
        }
        return Self.document(.array(job.failed))
    }

    /// `{"data":{"type":"data-privacy-deletion-job","attributes":{"profile":{"data":{"type":"profile","attributes":{email|phone_number}}|id}}}}`: 202.
    func delete(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let profile = request.jsonBody()?["data"]?["attributes"]?["profile"]?["data"]
        let attributes = profile?["attributes"]
        let email = attributes?["email"]?.stringValue
        let phone = attributes?["phone_number"]?.stringValue
        let id = profile?["id"]?.stringValue
        guard email != nil || phone != nil || id != nil else {
            throw EmulatorRejection(KlaviyoDialect.invalid("A profile email, phone_number or id is required.", pointer: "/data/attributes/profile/data"))
        }
        account.state.withLock { state in
            if let target = id ?? state.existing(email: email, phone: phone, externalID: nil) { state.delete(target) }
        }
        return EmulatorReply(status: 202)
    }
}
