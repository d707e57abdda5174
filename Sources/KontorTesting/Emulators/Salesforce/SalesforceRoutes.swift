import Foundation
import KontorCore

/// `GET /services/data/vXX.X/query?q=…`, `/queryAll?q=…` and `GET {nextRecordsUrl}`.
struct SalesforceRoutes {
    let configuration: SalesforceConfiguration
    let data: DataSetStore
    let cursors = SalesforceQueryCursors()

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/services/data/:version/query", name: "query") { try query($0) },
            EmulatorEndpoint("GET", "/services/data/:version/queryAll", name: "query") { try query($0) },
            EmulatorEndpoint("GET", "/services/data/:version/query/:locator", name: "query_more") { try more($0) },
            SalesforceOAuth(configuration: configuration).endpoint,
        ]
    }

    func query(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let version = request.pathParameters["version"] ?? "v59.0"
        guard let text = request.query["q"] else {
            throw EmulatorRejection(SalesforceDialect.error("MALFORMED_QUERY", "A query string has to be specified", status: 400))
        }
        let soql: SOQLQuery
        do { soql = try SOQLQuery(text) } catch {
            throw EmulatorRejection(SalesforceDialect.error("MALFORMED_QUERY", "\n\(text)\n^\nERROR at Row:1:Column:1\n\(error.message)", status: 400))
        }
        guard let object = SalesforceObject(named: soql.object) else {
            throw EmulatorRejection(SalesforceDialect.error(
                "INVALID_TYPE", "\n\(text)\n^\nERROR at Row:1:Column:1\nsObject type '\(soql.object)' is not supported.", status: 400))
        }
        var fields: [String] = []
        for name in soql.fields + soql.conditions.map(\.field) + (soql.orderBy.map { [$0] } ?? []) {
            guard let field = object.canonical(name) else {
                throw EmulatorRejection(SalesforceDialect.error(
                    "INVALID_FIELD", "\n\(text)\n^\nERROR at Row:1:Column:1\nNo such column '\(name)' on entity '\(object.rawValue)'.", status: 400))
            }
            if soql.fields.contains(name) { fields.append(field) }
        }
        var people = try data.snapshot.people.keeping { person throws(EmulatorRejection) in try matches(person, soql.conditions, object) }
        if let order = soql.orderBy.flatMap(object.canonical) {
            people.sort { lhs, rhs in
                let left = sortKey(order, lhs, object), right = sortKey(order, rhs, object)
                return left == right ? lhs.id < rhs.id : (soql.descending ? left > right : left < right)
            }
        }
        if let limit = soql.limit { people = Array(people.prefix(limit)) }
        let cursor = SalesforceQueryCursors.Cursor(object: object, personIDs: people.map(\.id), fields: fields, batchSize: batchSize(request))
        return page(cursor, locator: nil, offset: 0, version: version)
    }

    func more(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let version = request.pathParameters["version"] ?? "v59.0"
        let parts = (request.pathParameters["locator"] ?? "").split(separator: "-")
        guard parts.count == 2, let offset = Int(parts[1]), let cursor = cursors.cursor(String(parts[0])) else {
            throw EmulatorRejection(SalesforceDialect.error("INVALID_QUERY_LOCATOR", "invalid query locator", status: 400))
        }
        return page(cursor, locator: String(parts[0]), offset: offset, version: version)
    }

    private func page(_ cursor: SalesforceQueryCursors.Cursor, locator: String?, offset: Int, version: String) -> EmulatorReply {
        let set = data.snapshot
        let end = min(cursor.personIDs.count, offset + cursor.batchSize)
        let slice = offset < end ? cursor.personIDs[offset..<end] : []
        var body: [String: JSONValue] = [
            "totalSize": .int(cursor.personIDs.count), "done": .bool(end >= cursor.personIDs.count),
            "records": .array(slice.compactMap { set.person(id: $0).map { SalesforceRecords.record($0, fields: cursor.fields, version: version, object: cursor.object) } }),
        ]
        if end < cursor.personIDs.count {
            let id = locator ?? cursors.open(cursor)
            body["nextRecordsUrl"] = .string("/services/data/\(version)/query/\(id)-\(end)")
        }
        return .json(.object(body))
    }

    /// `Sforce-Query-Options: batchSize=N`, clamped to the configured range.
    private func batchSize(_ request: EmulatorRequest) -> Int {
        guard let option = request.header("sforce-query-options"),
            let value = option.split(separator: ",").compactMap({ part -> Int? in
                let pair = part.split(separator: "=")
                return pair.count == 2 && pair[0].trimmingCharacters(in: .whitespaces) == "batchSize" ? Int(pair[1]) : nil
            }).first
        else { return configuration.defaultBatchSize }
        return min(max(value, configuration.minimumBatchSize), configuration.defaultBatchSize)
    }

    private func sortKey(_ field: String, _ person: Person, _ object: SalesforceObject) -> String {
        if SalesforceRecords.dateFields.contains(field) {
            return String(EmulatorTimestamp.epochMilliseconds(field == "CreatedDate" ? person.createdAt : person.updatedAt)).leftPadded(to: 16)
        }
        if case .string(let text) = SalesforceRecords.value(field, of: person, object) { return text.lowercased() }
        return ""
    }

    private func matches(_ person: Person, _ conditions: [SOQLQuery.Condition], _ object: SalesforceObject) throws(EmulatorRejection) -> Bool {
        for condition in conditions {
            guard let field = object.canonical(condition.field) else { return false }
            let actual: String
            let wanted: String
            if SalesforceRecords.dateFields.contains(field) {
                guard let date = EmulatorTimestamp.parse(condition.literal) else {
                    throw EmulatorRejection(SalesforceDialect.error(
                        "INVALID_FIELD", "value of filter criterion for field '\(field)' must be of type dateTime and should not be enclosed in quotes", status: 400))
                }
                actual = sortKey(field, person, object)
                wanted = String(EmulatorTimestamp.epochMilliseconds(date)).leftPadded(to: 16)
            } else {
                actual = sortKey(field, person, object)
                wanted = condition.literal.trimmingCharacters(in: CharacterSet(charactersIn: "'")).lowercased()
            }
            let holds: Bool
            switch condition.operation {
            case "=": holds = actual == wanted
            case "!=": holds = actual != wanted
            case "<": holds = actual < wanted
            case "<=": holds = actual <= wanted
            case ">": holds = actual > wanted
            default: holds = actual >= wanted
            }
            if !holds { return false }
        }
        return true
    }
}
