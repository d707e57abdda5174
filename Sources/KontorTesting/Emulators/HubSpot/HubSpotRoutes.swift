import Foundation
import KontorCore

/// `GET /crm/v3/objects/contacts`, `GET /crm/v3/objects/contacts/{id}` and `POST /crm/v3/objects/contacts/search`.
struct HubSpotRoutes {
    let configuration: HubSpotConfiguration
    let data: DataSetStore
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/crm/v3/objects/contacts", name: "contacts") { try list($0) },
            EmulatorEndpoint("POST", "/crm/v3/objects/contacts/search", name: "search") { try search($0) },
            EmulatorEndpoint("GET", "/crm/v3/objects/contacts/:contactId", name: "contact") { try contact($0) },
        ]
    }

    func list(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let limit = try configuration.listPageSize.resolve(request.query["limit"], endpoint: "contacts", log: log) { text in
            HubSpotDialect.validation("limit must be between 1 and \(configuration.listPageSize.maximum), got \(text)")
        }
        var afterID = 0
        if let after = request.query["after"] {
            guard let value = Int(after) else { throw EmulatorRejection(HubSpotDialect.validation("Invalid after cursor: \(after)")) }
            afterID = value
        }
        let people = request.query["archived"] == "true" ? [] : data.snapshot.people
        let remaining = people.filter { HubSpotRecords.idBase + $0.id >= afterID }
        let page = remaining.prefix(limit)
        let requested = HubSpotRecords.requestedProperties(request.query)
        var body: [String: JSONValue] = ["results": .array(page.map { HubSpotRecords.contact($0, requested: requested) })]
        if remaining.count > limit {
            let next = HubSpotRecords.id(remaining[limit])
            body["paging"] = ["next": ["after": .string(next), "link": .string("\(request.origin)/crm/v3/objects/contacts?after=\(next)")]]
        }
        return .json(.object(body))
    }

    func contact(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let key = request.pathParameters["contactId"] ?? ""
        let people = data.snapshot.people
        let person = request.query["idProperty"] == "email"
            ? people.first { $0.email.lowercased() == key.lowercased() }
            : people.first { HubSpotRecords.id($0) == key }
        guard let person else {
            throw EmulatorRejection(HubSpotDialect.error("Object not found.  objectId are usually numeric.", category: "OBJECT_NOT_FOUND", status: 404))
        }
        return .json(HubSpotRecords.contact(person, requested: HubSpotRecords.requestedProperties(request.query)))
    }

    func search(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let search = try HubSpotSearch(body: request.jsonBody())
        try search.checkLimits()
        let limit = try configuration.searchPageSize.resolve(search.limit, endpoint: "search", log: log) { text in
            HubSpotDialect.validation("limit must be between 1 and \(configuration.searchPageSize.maximum), got \(text)")
        }
        let offset = search.after.flatMap(Int.init) ?? 0
        guard offset < configuration.searchResultCap else {
            throw EmulatorRejection(
                HubSpotDialect.validation("Paging beyond \(configuration.searchResultCap) results is not supported: narrow the filter (after=\(offset))"),
                violation: LimitViolation(.resultWindow, endpoint: "search", detail: "after=\(offset) >= \(configuration.searchResultCap)")
            )
        }
        let read = search.readProperties
        let candidates = data.snapshot.people.compactMap { person -> (Person, [String: String?])? in
            let properties = HubSpotRecords.searchProperties(person, only: read)
            return search.matches(properties) ? (person, properties) : nil
        }
        let ordered = search.ordered(candidates)
        let page = ordered.dropFirst(offset).prefix(limit)
        var body: [String: JSONValue] = [
            "total": .int(ordered.count),
            "results": .array(page.map { HubSpotRecords.contact($0.0, requested: search.properties) }),
        ]
        if offset + limit < ordered.count {
            body["paging"] = ["next": ["after": .string(String(offset + limit))]]
        }
        return .json(.object(body))
    }
}
