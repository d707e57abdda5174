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
        let people = set.people
        let criteria = ShopifyListing.Criteria(filters)
        let page = try listing.page(
            count: people.count, id: { ShopifyRecords.customerIDBase + people[$0].id },
            matches: { criteria.matches(id: ShopifyRecords.customerIDBase + people[$0].id, createdAt: people[$0].createdAt, updatedAt: people[$0].updatedAt) },
            cursor: cursor, filters: filters, request: request, endpoint: "customers"
        )
        let ordersByCustomer = data.orderIndicesByCustomer()
        let records = page.ids.compactMap { id in
            set.person(id: id - ShopifyRecords.customerIDBase).map { person in
                let orders = (ordersByCustomer[person.id] ?? []).map { set.orders[$0] }
                return ShopifyListing.project(ShopifyRecords.customer(person, orders: orders), fields: request.query["fields"])
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
        let orders = set.orders
        let criteria = ShopifyListing.Criteria(filters)
        let status = filters["status"] ?? "open"
        let page = try listing.page(
            count: orders.count, id: { ShopifyRecords.orderIDBase + orders[$0].id },
            matches: { Self.matches(orders[$0], status: status, criteria: criteria) },
            cursor: cursor, filters: filters, request: request, endpoint: "orders"
        )
        let records = page.ids.compactMap { id -> JSONValue? in
            let index = id - ShopifyRecords.orderIDBase - 1
            guard orders.indices.contains(index) else { return nil }
            let order = orders[index]
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
        let criteria = ShopifyListing.Criteria(filters)
        return set.people.compactMap { person in
            let id = ShopifyRecords.customerIDBase + person.id
            return criteria.matches(id: id, createdAt: person.createdAt, updatedAt: person.updatedAt) ? id : nil
        }
    }

    /// Orders matching the filters; `status` defaults to `open` as in Shopify (`any` for all).
    private func orderIDs(_ set: CustomerDataSet, filters: [String: String]) -> [Int] {
        let criteria = ShopifyListing.Criteria(filters)
        let status = filters["status"] ?? "open"
        return set.orders.compactMap { Self.matches($0, status: status, criteria: criteria) ? ShopifyRecords.orderIDBase + $0.id : nil }
    }

    private static func matches(_ order: Order, status: String, criteria: ShopifyListing.Criteria) -> Bool {
        (status == "any" || status == order.status.rawValue)
            && criteria.matches(id: ShopifyRecords.orderIDBase + order.id, createdAt: order.createdAt, updatedAt: order.updatedAt)
    }
}
