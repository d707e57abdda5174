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
        try page(count: ids.count, id: { ids[$0] }, matches: { _ in true }, cursor: cursor, filters: filters, request: request, endpoint: endpoint)
    }

    /// One page over `count` records whose ids ascend with their index, keeping those that `matches`
    /// (by index). Walks only as far as the page needs (and one match beyond each end, for the links),
    /// so a page of a million customers costs what a page of a hundred does.
    func page(
        count: Int, id: (Int) -> Int, matches: (Int) -> Bool, cursor: ShopifyPageInfo?, filters: [String: String],
        request: EmulatorRequest, endpoint: String
    ) throws(EmulatorRejection) -> Page {
        let limit = try configuration.pageSize.resolve(request.query["limit"], endpoint: endpoint, log: log) { text in
            ShopifyDialect.badRequest("limit must be an integer between 1 and \(configuration.pageSize.maximum), got \(text)")
        }
        /// The first index whose id is above `boundary` (binary search).
        func firstIndex(above boundary: Int) -> Int {
            var (low, high) = (0, count)
            while low < high {
                let middle = (low + high) / 2
                if id(middle) > boundary { high = middle } else { low = middle + 1 }
            }
            return low
        }
        func anyMatch(in indices: some Sequence<Int>) -> Bool { indices.contains(where: matches) }
        var slice: [Int] = []
        switch cursor?.direction {
        case .previous?:
            var index = firstIndex(above: (cursor?.boundaryID ?? 0) - 1) - 1
            while index >= 0, slice.count < limit {
                if matches(index) { slice.append(index) }
                index -= 1
            }
            slice.reverse()
        case .next?, nil:
            var index = cursor.map { firstIndex(above: $0.boundaryID) } ?? 0
            while index < count, slice.count < limit {
                if matches(index) { slice.append(index) }
                index += 1
            }
        }
        var links: [String] = []
        let base = request.origin + request.path + "?limit=\(limit)"
            + (request.query["fields"].map { "&fields=\(QueryParameters.escape($0))" } ?? "")
        if let first = slice.first, cursor != nil, anyMatch(in: stride(from: first - 1, through: 0, by: -1)) {
            let token = ShopifyPageInfo(direction: .previous, boundaryID: id(first), filters: filters).token
            links.append("<\(base)&page_info=\(token)>; rel=\"previous\"")
        }
        if let last = slice.last, anyMatch(in: (last + 1)..<count) {
            let token = ShopifyPageInfo(direction: .next, boundaryID: id(last), filters: filters).token
            links.append("<\(base)&page_info=\(token)>; rel=\"next\"")
        }
        return Page(ids: slice.map(id), link: links.isEmpty ? nil : links.joined(separator: ", "))
    }

    /// The date and id filters of a request, parsed once.
    struct Criteria {
        var updatedMin, updatedMax, createdMin, createdMax: Date?
        var sinceID: Int?
        var ids: Set<Int>?

        init(_ filters: [String: String]) {
            func bound(_ name: String) -> Date? { filters[name].flatMap(EmulatorTimestamp.parse) }
            (updatedMin, updatedMax, createdMin, createdMax) = (bound("updated_at_min"), bound("updated_at_max"), bound("created_at_min"), bound("created_at_max"))
            sinceID = filters["since_id"].flatMap(Int.init)
            ids = filters["ids"].map { Set($0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }) }
        }

        func matches(id: Int, createdAt: Date, updatedAt: Date) -> Bool {
            if let updatedMin, updatedAt < updatedMin { return false }
            if let updatedMax, updatedAt > updatedMax { return false }
            if let createdMin, createdAt < createdMin { return false }
            if let createdMax, createdAt > createdMax { return false }
            if let sinceID, id <= sinceID { return false }
            if let ids, !ids.contains(id) { return false }
            return true
        }
    }

    /// Whether a record with these timestamps and id passes the date and id filters.
    static func matches(id: Int, createdAt: Date, updatedAt: Date, filters: [String: String]) -> Bool {
        Criteria(filters).matches(id: id, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// Keeps only the top-level keys named in `fields` (comma-separated), when given.
    static func project(_ record: JSONValue, fields: String?) -> JSONValue {
        guard let fields, case .object(let object) = record else { return record }
        let wanted = Set(fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return .object(object.filter { wanted.contains($0.key) })
    }
}
