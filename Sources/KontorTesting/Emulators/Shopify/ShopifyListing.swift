import Foundation
import KontorCore

/// Shopify's cursor pagination over id-ordered records: `limit`, `page_info`, `Link` header,
/// and the rule that only `limit` and `fields` may accompany a `page_info`.
struct ShopifyListing {
    /// Filters accepted on a first page (the ones the emulator implements).
    static let filterNames: Set<String> = [
        "updated_at_min", "updated_at_max", "created_at_min", "created_at_max", "since_id", "ids", "status",
    ]

    let configuration: ShopifyConfiguration
    let log: RequestLog

    struct Page {
        var ids: [Int]
        var link: String?
    }

    /// The filters in force: the first request's, or those carried by `page_info`.
    func filters(_ request: EmulatorRequest, endpoint: String) throws(EmulatorRejection) -> (ShopifyPageInfo?, [String: String]) {
        guard let token = request.query["page_info"] else {
            var filters: [String: String] = [:]
            for name in request.query.names where Self.filterNames.contains(name) { filters[name] = request.query[name] }
            return (nil, filters)
        }
        if let extra = request.query.names.first(where: { !["page_info", "limit", "fields"].contains($0) }) {
            let message = "\(extra) cannot be passed when page_info is present"
            throw EmulatorRejection(
                ShopifyDialect.badRequest(message),
                violation: LimitViolation(.contract, endpoint: endpoint, detail: message)
            )
        }
        guard let cursor = ShopifyPageInfo(token: token) else {
            throw EmulatorRejection(.json(["errors": ["page_info": ["Invalid value."]]], status: 400))
        }
        return (cursor, cursor.filters)
    }

    /// One page of `ids` (ascending, already filtered) for `request`.
    func page(of ids: [Int], cursor: ShopifyPageInfo?, filters: [String: String], request: EmulatorRequest, endpoint: String) throws(EmulatorRejection) -> Page {
        let limit = try configuration.pageSize.resolve(request.query["limit"], endpoint: endpoint, log: log) { text in
            ShopifyDialect.badRequest("limit must be an integer between 1 and \(configuration.pageSize.maximum), got \(text)")
        }
        var slice = Array(ids.prefix(limit))
        if let cursor {
            switch cursor.direction {
            case .next: slice = Array(ids.filter { $0 > cursor.boundaryID }.prefix(limit))
            case .previous: slice = Array(ids.filter { $0 < cursor.boundaryID }.suffix(limit))
            }
        }
        var links: [String] = []
        let base = request.origin + request.path + "?limit=\(limit)"
            + (request.query["fields"].map { "&fields=\(QueryParameters.escape($0))" } ?? "")
        if let first = slice.first, cursor != nil, ids.contains(where: { $0 < first }) {
            let token = ShopifyPageInfo(direction: .previous, boundaryID: first, filters: filters).token
            links.append("<\(base)&page_info=\(token)>; rel=\"previous\"")
        }
        if let last = slice.last, ids.contains(where: { $0 > last }) {
            let token = ShopifyPageInfo(direction: .next, boundaryID: last, filters: filters).token
            links.append("<\(base)&page_info=\(token)>; rel=\"next\"")
        }
        slice.sort()
        return Page(ids: slice, link: links.isEmpty ? nil : links.joined(separator: ", "))
    }

    /// Whether a record with these timestamps and id passes the date and id filters.
    static func matches(id: Int, createdAt: Date, updatedAt: Date, filters: [String: String]) -> Bool {
        func bound(_ name: String) -> Date? { filters[name].flatMap(EmulatorTimestamp.parse) }
        if let min = bound("updated_at_min"), updatedAt < min { return false }
        if let max = bound("updated_at_max"), updatedAt > max { return false }
        if let min = bound("created_at_min"), createdAt < min { return false }
        if let max = bound("created_at_max"), createdAt > max { return false }
        if let since = filters["since_id"].flatMap(Int.init), id <= since { return false }
        if let list = filters["ids"] {
            let wanted = Set(list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            if !wanted.contains(id) { return false }
        }
        return true
    }

    /// Keeps only the top-level keys named in `fields` (comma-separated), when given.
    static func project(_ record: JSONValue, fields: String?) -> JSONValue {
        guard let fields, case .object(let object) = record else { return record }
        let wanted = Set(fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return .object(object.filter { wanted.contains($0.key) })
    }
}
