import Foundation
import KontorCore

/// The Shopify REST Admin endpoints: customers, orders, their counts, and products.
struct ShopifyRoutes {
    let configuration: ShopifyConfiguration
    let data: DataSetStore
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/admin/api/:version/customers.json", name: "customers") { try customers($0) },
            EmulatorEndpoint("GET", "/admin/api/:version/customers/count.json", name: "customers_count") { try customersCount($0) },
            EmulatorEndpoint("GET", "/admin/api/:version/orders.json", name: "orders") { try orders($0) },
            EmulatorEndpoint("GET", "/admin/api/:version/orders/count.json", name: "orders_count") { try ordersCount($0) },
            EmulatorEndpoint("GET", "/admin/api/:version/products.json", name: "products") { try products($0) },
        ]
    }

    private var listing: ShopifyListing { ShopifyListing(configuration: configuration, log: log) }

    func customers(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let (cursor, filters) = try listing.filters(request, endpoint: "customers")
        let set = data.snapshot
        let matching = customerIDs(set, filters: filters)
        let page = try listing.page(of: matching, cursor: cursor, filters: filters, request: request, endpoint: "customers")
        let ordersByCustomer = Dictionary(grouping: set.orders, by: \.customerID)
        let records = page.ids.compactMap { id in
            set.person(id: id - ShopifyRecords.customerIDBase).map {
                ShopifyListing.project(ShopifyRecords.customer($0, orders: ordersByCustomer[$0.id] ?? []), fields: request.query["fields"])
            }
        }
        return .json(["customers": .array(records)], headers: page.link.map { [("Link", $0)] } ?? [])
    }

    func customersCount(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let filters = try listing.filters(request, endpoint: "customers_count").1
        return .json(["count": .int(customerIDs(data.snapshot, filters: filters).count)])
    }

    func orders(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let (cursor, filters) = try listing.filters(request, endpoint: "orders")
        let set = data.snapshot
        let matching = orderIDs(set, filters: filters)
        let page = try listing.page(of: matching, cursor: cursor, filters: filters, request: request, endpoint: "orders")
        let records = page.ids.compactMap { id -> JSONValue? in
            let index = id - ShopifyRecords.orderIDBase - 1
            guard set.orders.indices.contains(index) else { return nil }
            let order = set.orders[index]
            return ShopifyListing.project(ShopifyRecords.order(order, customer: set.person(id: order.customerID)), fields: request.query["fields"])
        }
        return .json(["orders": .array(records)], headers: page.link.map { [("Link", $0)] } ?? [])
    }

    func ordersCount(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let filters = try listing.filters(request, endpoint: "orders_count").1
        return .json(["count": .int(orderIDs(data.snapshot, filters: filters).count)])
    }

    func products(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let (cursor, filters) = try listing.filters(request, endpoint: "products")
        let set = data.snapshot
        let ids = Catalog.products.map(\.productID).filter { ShopifyListing.matches(id: $0, createdAt: set.baseDate, updatedAt: set.baseDate, filters: filters.filter { $0.key == "since_id" || $0.key == "ids" }) }
        let page = try listing.page(of: ids, cursor: cursor, filters: filters, request: request, endpoint: "products")
        let records = Catalog.products.filter { page.ids.contains($0.productID) }.map {
            ShopifyListing.project(ShopifyRecords.product($0, baseDate: set.baseDate), fields: request.query["fields"])
        }
        return .json(["products": .array(records)], headers: page.link.map { [("Link", $0)] } ?? [])
    }

    private func customerIDs(_ set: CustomerDataSet, filters: [String: String]) -> [Int] {
        set.people.compactMap { person in
            let id = ShopifyRecords.customerIDBase + person.id
            return ShopifyListing.matches(id: id, createdAt: person.createdAt, updatedAt: person.updatedAt, filters: filters) ? id : nil
        }
    }

    /// Orders matching the filters; `status` defaults to `open` as in Shopify (`any` for all).
    private func orderIDs(_ set: CustomerDataSet, filters: [String: String]) -> [Int] {
        let status = filters["status"] ?? "open"
        return set.orders.compactMap { order in
            let id = ShopifyRecords.orderIDBase + order.id
            guard status == "any" || status == order.status.rawValue,
                ShopifyListing.matches(id: id, createdAt: order.createdAt, updatedAt: order.updatedAt, filters: filters)
            else { return nil }
            return id
        }
    }
}
