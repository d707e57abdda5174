import Foundation
import KontorCore

/// `GET /v3/surveys/{id}/responses/bulk` with `page`/`per_page`, `sort_by`/`sort_order`,
/// `start_modified_at`/`end_modified_at`, `start_created_at`/`end_created_at`, `status`, and `links.next`.
struct SurveyMonkeyRoutes {
    let configuration: SurveyMonkeyConfiguration
    let data: DataSetStore
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [EmulatorEndpoint("GET", "/v3/surveys/:surveyId/responses/bulk", name: "responses_bulk") { try bulk($0) }]
    }

    func bulk(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let surveyID = request.pathParameters["surveyId"] ?? ""
        guard surveyID == configuration.surveyID else {
            throw EmulatorRejection(SurveyMonkeyDialect.error("1020", "Resource Not Found", "There was an error retrieving the requested resource.", status: 404))
        }
        let query = request.query
        let perPage = try configuration.pageSize.resolve(query["per_page"], endpoint: "responses_bulk", log: log) { _ in
            SurveyMonkeyDialect.badRequest("Invalid schema in the query provided: per_page must be between 1 and \(configuration.pageSize.maximum).")
        }
        guard let page = Int(query["page"] ?? "1"), page >= 1 else { throw EmulatorRejection(SurveyMonkeyDialect.badRequest("Invalid page.")) }
        let set = data.snapshot
        var people = set.people
        for (name, isLower, keyPath) in [
            ("start_modified_at", true, \Person.updatedAt), ("end_modified_at", false, \Person.updatedAt),
            ("start_created_at", true, \Person.createdAt), ("end_created_at", false, \Person.createdAt),
        ] {
            guard let text = query[name] else { continue }
            guard let bound = EmulatorTimestamp.parse(text) else { throw EmulatorRejection(SurveyMonkeyDialect.badRequest("Invalid \(name).")) }
            people = people.filter { isLower ? $0[keyPath: keyPath] >= bound : $0[keyPath: keyPath] <= bound }
        }
        let sortBy = query["sort_by"] ?? "date_modified"
        let descending = (query["sort_order"] ?? "DESC").uppercased() == "DESC"
        people.sort { lhs, rhs in
            let left = sortBy == "date_created" ? lhs.createdAt : lhs.updatedAt
            let right = sortBy == "date_created" ? rhs.createdAt : rhs.updatedAt
            if left == right { return descending ? lhs.id > rhs.id : lhs.id < rhs.id }
            return descending ? left > right : left < right
        }
        let lastPage = max(1, (people.count + perPage - 1) / perPage)
        let start = (page - 1) * perPage
        let slice = start < people.count ? people[start..<min(people.count, start + perPage)] : []
        func url(_ number: Int) -> JSONValue {
            let kept = query.pairs.filter { $0.name != "page" && $0.name != "per_page" }.map { ($0.name, $0.value) }
            return .string(request.origin + request.path + "?" + QueryParameters.encode(kept + [("page", String(number)), ("per_page", String(perPage))]))
        }
        var links: [String: JSONValue] = ["self": url(page), "last": url(lastPage)]
        if page < lastPage { links["next"] = url(page + 1) }
        if page > 1 { links["prev"] = url(page - 1) }
        return .json([
            "data": .array(slice.map { SurveyMonkeyRecords.response($0, surveyID: surveyID, seed: set.seed, origin: request.origin) }),
            "per_page": .int(perPage), "page": .int(page), "total": .int(people.count), "links": .object(links),
        ])
    }
}
