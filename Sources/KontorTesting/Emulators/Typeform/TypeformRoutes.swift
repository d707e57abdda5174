import Foundation
import KontorCore

/// `GET /forms/{form_id}/responses` with `page_size`, `since`/`until`, `after`/`before` tokens,
/// `sort`, `completed` and `included_response_ids`.
struct TypeformRoutes {
    let configuration: TypeformConfiguration
    let data: DataSetStore
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [EmulatorEndpoint("GET", "/forms/:formId/responses", name: "responses") { try responses($0) }]
    }

    func responses(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let formID = request.pathParameters["formId"] ?? ""
        guard formID == configuration.formID else {
            throw EmulatorRejection(TypeformDialect.error("FORM_NOT_FOUND", "Non existing form with uid \(formID)", status: 404))
        }
        let query = request.query
        let pageSize = try configuration.pageSize.resolve(query["page_size"], endpoint: "responses", log: log) { _ in
            TypeformDialect.invalid("page_size", "page_size must be between 1 and \(configuration.pageSize.maximum)")
        }
        let set = data.snapshot
        var all = set.people.map(TypeformResponse.init).sorted(by: TypeformResponse.precedes)
        for (name, isLower) in [("since", true), ("until", false)] {
            guard let text = query[name] else { continue }
            guard let bound = EmulatorTimestamp.parse(text) else { throw EmulatorRejection(TypeformDialect.invalid(name, "invalid date-time")) }
            all = all.filter { isLower ? $0.submittedAt >= bound : $0.submittedAt <= bound }
        }
        if query["completed"] == "false" { all = [] }
        if let ids = query["included_response_ids"] {
            let wanted = Set(ids.split(separator: ",").map(String.init))
            all = all.filter { wanted.contains($0.token) }
        }
        var ordered: [TypeformResponse]
        if let after = query["after"] {
            guard let anchor = set.people.map(TypeformResponse.init).first(where: { $0.token == after }) else {
                throw EmulatorRejection(TypeformDialect.invalid("after", "unknown response token"))
            }
            ordered = all.filter { TypeformResponse.precedes(anchor, $0) }
        } else if let before = query["before"] {
            guard let anchor = set.people.map(TypeformResponse.init).first(where: { $0.token == before }) else {
                throw EmulatorRejection(TypeformDialect.invalid("before", "unknown response token"))
            }
            ordered = all.filter { TypeformResponse.precedes($0, anchor) }.reversed()
        } else {
            let sort = query["sort"] ?? "submitted_at,desc"
            guard ["submitted_at,asc", "submitted_at,desc"].contains(sort) else {
                throw EmulatorRejection(TypeformDialect.invalid("sort", "sort must be submitted_at,asc or submitted_at,desc"))
            }
            ordered = sort.hasSuffix("desc") ? all.reversed() : all
        }
        let items = ordered.prefix(pageSize).map { $0.item(seed: set.seed) }
        return .json([
            "total_items": .int(ordered.count),
            "page_count": .int((ordered.count + pageSize - 1) / pageSize),
            "items": .array(Array(items)),
        ])
    }
}
