import Foundation
import KontorCore

/// `GET /{version}/{form_id}/leads` with `limit`, `after`/`before` cursors, `fields` and
/// `filtering=[{"field":"time_created","operator":"GREATER_THAN","value":<epoch>}]`.
struct MetaLeadAdsRoutes {
    let configuration: MetaLeadAdsConfiguration
    let data: DataSetStore
    let log: RequestLog

    static let operators = ["GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL"]

    var endpoints: [EmulatorEndpoint] {
        [EmulatorEndpoint("GET", "/:version/:formId/leads", name: "leads") { try leads($0) }]
    }

    static func invalid(_ message: String) -> EmulatorRejection {
        EmulatorRejection(MetaLeadAdsDialect.error("(#100) \(message)", type: "OAuthException", code: 100, status: 400))
    }

    func leads(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let formID = request.pathParameters["formId"] ?? ""
        guard formID == configuration.formID else {
            throw EmulatorRejection(MetaLeadAdsDialect.error(
                "Unsupported get request. Object with ID '\(formID)' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                type: "GraphMethodException", code: 100, status: 400, subcode: 33))
        }
        let query = request.query
        let limit = try configuration.pageSize.resolve(query["limit"], endpoint: "leads", log: log) { text in
            MetaLeadAdsDialect.error("(#100) Param limit must be a positive integer, got \(text)", type: "OAuthException", code: 100, status: 400)
        }
        let fields = query["fields"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? MetaLead.defaultFields
        let set = data.snapshot
        var leads = try set.people.map { MetaLead(person: $0, baseDate: set.baseDate) }.keeping { lead throws(EmulatorRejection) in try passes(lead, query["filtering"]) }
        leads.sort(by: MetaLead.precedes)
        var hasPrevious = false
        var hasNext = false
        if let after = query["after"] {
            guard let position = MetaLead.position(after) else { throw Self.invalid("Invalid cursor: after") }
            hasPrevious = true
            leads = leads.filter { $0.position.0 < position.0 || ($0.position.0 == position.0 && $0.id < position.1) }
        } else if let before = query["before"] {
            guard let position = MetaLead.position(before) else { throw Self.invalid("Invalid cursor: before") }
            let earlier = leads.filter { $0.position.0 > position.0 || ($0.position.0 == position.0 && $0.id > position.1) }
            hasPrevious = earlier.count > limit
            hasNext = true
            leads = Array(earlier.suffix(limit))
        }
        let page = Array(leads.prefix(limit))
        hasNext = hasNext || leads.count > limit
        var body: [String: JSONValue] = ["data": .array(page.map { $0.record(fields: fields, formID: formID, seed: set.seed) })]
        if let first = page.first, let last = page.last {
            var paging: [String: JSONValue] = ["cursors": ["before": .string(first.cursor), "after": .string(last.cursor)]]
            let kept = query.pairs.filter { !["after", "before", "limit"].contains($0.name) }.map { ($0.name, $0.value) }
            let base = request.origin + request.path + "?" + QueryParameters.encode(kept + [("limit", String(limit))])
            if hasNext { paging["next"] = .string(base + "&after=" + QueryParameters.escape(last.cursor)) }
            if hasPrevious { paging["previous"] = .string(base + "&before=" + QueryParameters.escape(first.cursor)) }
            body["paging"] = .object(paging)
        }
        return .json(.object(body))
    }

    /// Applies `filtering` (a JSON array of `{field, operator, value}`; only `time_created` is filterable).
    private func passes(_ lead: MetaLead, _ filtering: String?) throws(EmulatorRejection) -> Bool {
        guard let filtering else { return true }
        guard let rules = (try? JSONDecoder().decode(JSONValue.self, from: Data(filtering.utf8)))?.arrayValue else {
            throw Self.invalid("Param filtering must be an array of filter objects")
        }
        let time = lead.createdAt.timeIntervalSince1970
        for rule in rules {
            guard rule["field"]?.stringValue == "time_created" else {
                throw Self.invalid("Filtering field '\(rule["field"]?.stringValue ?? "")' is invalid. Use time_created.")
            }
            guard let operation = rule["operator"]?.stringValue, Self.operators.contains(operation) else {
                throw Self.invalid("Filtering operator is invalid. Use one of \(Self.operators.joined(separator: ", ")).")
            }
            guard let value = rule["value"]?.doubleValue ?? rule["value"]?.stringValue.flatMap(Double.init) else {
                throw Self.invalid("Filtering value must be a unix timestamp")
            }
            let holds: Bool
            switch operation {
            case "GREATER_THAN": holds = time > value
            case "GREATER_THAN_OR_EQUAL": holds = time >= value
            case "LESS_THAN": holds = time < value
            default: holds = time <= value
            }
            if !holds { return false }
        }
        return true
    }
}
