import Foundation
import KontorCore

/// WP-REST paging (`page`, `per_page`, `offset`, `X-WP-Total`, `X-WP-TotalPages`, `Link`) and the
/// date filters (`modified_after`/`modified_before`, `after`/`before`) with `orderby`/`order`.
struct WooCommerceListing {
    struct Item {
        var id: Int
        var createdAt: Date
        var modifiedAt: Date
        /// The value `orderby=name`/`title` sorts by.
        var name: String
    }

    let configuration: WooCommerceConfiguration
    let log: RequestLog

    /// The ids of one page and the reply headers.
    func page(
        _ items: [Item], request: EmulatorRequest, endpoint: String, orderings: [String], defaultOrdering: (String, String)
    ) throws(EmulatorRejection) -> (ids: [Int], headers: [(String, String)]) {
        let perPage = try configuration.pageSize.resolve(request.query["per_page"], endpoint: endpoint, log: log) { _ in
            WooCommerceDialect.invalidParameter("per_page", "per_page must be between 1 (inclusive) and \(configuration.pageSize.maximum) (inclusive)")
        }
        let page = try positive("page", request.query["page"]) ?? 1
        let offset = try nonNegative("offset", request.query["offset"])
        let orderby = request.query["orderby"] ?? defaultOrdering.0
        guard orderings.contains(orderby) else {
            throw EmulatorRejection(WooCommerceDialect.invalidParameter("orderby", "orderby is not one of \(orderings.joined(separator: ", "))."))
        }
        let order = request.query["order"] ?? defaultOrdering.1
        guard order == "asc" || order == "desc" else {
            throw EmulatorRejection(WooCommerceDialect.invalidParameter("order", "order is not one of asc and desc."))
        }
        var filtered = try items.keeping { item throws(EmulatorRejection) in try matches(item, request.query) }
        filtered.sort { lhs, rhs in
            let ascending: Bool
            switch orderby {
            case "name", "title", "slug": ascending = (lhs.name, lhs.id) < (rhs.name, rhs.id)
            case "date", "registered_date": ascending = (lhs.createdAt, lhs.id) < (rhs.createdAt, rhs.id)
            case "modified": ascending = (lhs.modifiedAt, lhs.id) < (rhs.modifiedAt, rhs.id)
            default: ascending = lhs.id < rhs.id
            }
            return order == "asc" ? ascending : !ascending
        }
        let start = offset ?? (page - 1) * perPage
        let slice = start < filtered.count ? Array(filtered[start..<min(filtered.count, start + perPage)]) : []
        let totalPages = (filtered.count + perPage - 1) / perPage
        var headers: [(String, String)] = [("X-WP-Total", String(filtered.count)), ("X-WP-TotalPages", String(totalPages))]
        if let link = links(request, page: page, totalPages: totalPages) { headers.append(("Link", link)) }
        return (slice.map(\.id), headers)
    }

    private func matches(_ item: Item, _ query: QueryParameters) throws(EmulatorRejection) -> Bool {
        for (name, keyPath, isAfter) in [
            ("modified_after", \Item.modifiedAt, true), ("modified_before", \Item.modifiedAt, false),
            ("after", \Item.createdAt, true), ("before", \Item.createdAt, false),
        ] {
            guard let text = query[name] else { continue }
            guard let bound = EmulatorTimestamp.parse(text) else {
                throw EmulatorRejection(WooCommerceDialect.invalidParameter(name, "Invalid date."))
            }
            let value = item[keyPath: keyPath]
            if isAfter ? value <= bound : value >= bound { return false }
        }
        return true
    }

    private func links(_ request: EmulatorRequest, page: Int, totalPages: Int) -> String? {
        guard totalPages > 1 else { return nil }
        func url(_ number: Int) -> String {
            let kept = request.query.pairs.filter { $0.name != "page" }
            return request.origin + request.path + "?" + QueryParameters.encode(kept.map { ($0.name, $0.value) } + [("page", String(number))])
        }
        var parts: [String] = []
        if page > 1 { parts.append("<\(url(min(page - 1, totalPages)))>; rel=\"prev\"") }
        if page < totalPages { parts.append("<\(url(page + 1))>; rel=\"next\"") }
        parts.append("<\(url(1))>; rel=\"first\"")
        parts.append("<\(url(totalPages))>; rel=\"last\"")
        return parts.joined(separator: ", ")
    }

    private func positive(_ name: String, _ text: String?) throws(EmulatorRejection) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw EmulatorRejection(WooCommerceDialect.invalidParameter(name, "\(name) must be greater than or equal to 1"))
        }
        return value
    }

    private func nonNegative(_ name: String, _ text: String?) throws(EmulatorRejection) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw EmulatorRejection(WooCommerceDialect.invalidParameter(name, "\(name) is not of type integer."))
        }
        return value
    }
}
