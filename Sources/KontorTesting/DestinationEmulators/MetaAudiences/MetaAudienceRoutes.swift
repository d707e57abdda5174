import Foundation
import KontorCore

/// `POST`/`DELETE /{version}/{audience_id}/users`, `POST /{version}/{audience_id}/usersreplace` and
/// `GET /{version}/{audience_id}`.
struct MetaAudienceRoutes {
    let configuration: MetaAudienceConfiguration
    let audiences: [String: MetaAudience]
    let dialect: MetaAudienceDialect
    let knobs: DestinationKnobs
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/:version/:audienceID", name: "audience") { try audience($0) },
            EmulatorEndpoint("POST", "/:version/:audienceID/users", name: "users_add") { try users($0, adding: true, endpoint: "users_add") },
            EmulatorEndpoint("DELETE", "/:version/:audienceID/users", name: "users_remove") { try users($0, adding: false, endpoint: "users_remove") },
            EmulatorEndpoint("POST", "/:version/:audienceID/usersreplace", name: "users_replace") { try replace($0) },
        ]
    }

    func target(_ request: EmulatorRequest) throws(EmulatorRejection) -> MetaAudience {
        let id = request.pathParameters["audienceID"] ?? ""
        guard let audience = audiences[id] else {
            throw EmulatorRejection(MetaAudienceDialect.error(
                "Unsupported get request. Object with ID '\(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                type: "GraphMethodException", code: 100, status: configuration.errorStatus, subcode: 33))
        }
        return audience
    }

    func audience(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try target(request)
        let count = audience.count
        return .json([
            "id": .string(audience.id), "name": "Kontor emulator audience", "subtype": "CUSTOM",
            "approximate_count_lower_bound": .int(count), "approximate_count_upper_bound": .int(count),
            "operation_status": ["code": .int(audience.isReplacing ? 471 : 200), "description": .string(audience.isReplacing ? "Replace in progress" : "Normal")],
        ])
    }

    struct Checked {
        var payload: MetaPayload
        var valid: [[String: String]]
        var samples: [String: JSONValue]
    }

    func check(_ parameters: MetaAudienceParameters, endpoint: String) throws(EmulatorRejection) -> Checked {
        let payload = try MetaPayload(parameters.payload) { dialect.invalid($0) }
        let limit = BatchLimit(maximum: configuration.maxRowsPerRequest, endpoint: endpoint)
        try limit.check(payload.rows.count, log: log) {
            dialect.invalid("The number of users in the payload (\(payload.rows.count)) exceeds the limit of \(configuration.maxRowsPerRequest) per request", subcode: 1_870_035)
        }
        var valid: [[String: String]] = []
        var samples: [String: JSONValue] = [:]
        for (position, row) in payload.rows.enumerated() {
            switch payload.identifiers(of: row, knobs: knobs) {
            case .success(let identifiers): valid.append(identifiers)
            case .failure(let entry): if samples.count < 10 { samples[String(position)] = .string(entry.reason) }
            }
        }
        return Checked(payload: payload, valid: valid, samples: samples)
    }

    func users(_ request: EmulatorRequest, adding: Bool, endpoint: String) throws(EmulatorRejection) -> EmulatorReply {
        let audience = try target(request)
        let parameters = MetaAudienceParameters(request)
        if configuration.requireSessionOnUsers, parameters.session == nil {
            throw EmulatorRejection(dialect.invalid("The parameter session is required"))
        }
        let checked = try check(parameters, endpoint: endpoint)
        try audience.state.withLock { (state: inout MetaAudience.State) throws(EmulatorRejection) in
            if state.replace != nil {
                throw EmulatorRejection(dialect.invalid("The audience is being replaced; add and remove are not allowed until the replace session ends", subcode: 1_713_230))
            }
            for identifiers in checked.valid {
                if adding { state.members.add(identifiers) } else { state.members.remove(identifiers) }
            }
        }
        let session = parameters.session?["session_id"].map { JSONText.string($0).replacingOccurrences(of: "\"", with: "") } ?? String(log.requestsServed + 1)
        return .json([
            "audience_id": .string(audience.id), "session_id": .string(session), "num_received": .int(checked.payload.rows.count),
            "num_invalid_entries": .int(checked.payload.rows.count - checked.valid.count), "invalid_entry_samples": .object(checked.samples),
        ])
    }
}
