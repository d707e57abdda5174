import Foundation
import KontorCore

/// `GET /wp-json/wc/v3/customers` and `/orders`.
struct WooCommerceRoutes {
    let configuration: WooCommerceConfiguration
    let data: DataSetStore
    let log: RequestLog

    var endpoints: [EmulatorEndpoint] {
        [
            EmulatorEndpoint("GET", "/wp-json/wc/v3/customers", name: "customers") { try customers($0) },
            EmulatorEndpoint("GET", "/wp-json/wc/v3/orders", name: "orders") { try orders($0) },
        ]
    }

    private var listing: WooCommerceListing { WooCommerceListing(configuration: configuration, log: log) }

    func customers(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let set = data.snapshot
        let paying = Set(set.orders.filter { $0.financialStatus != "pending" }.map(\.customerID))
        var people = set.people
        if let email = request.query["email"] { people = people.filter { $0.email.lowercased() == email.lowercased() } }
        let items = people.map {
            WooCommerceListing.Item(id: $0.id, createdAt: $0.createdAt, modifiedAt: $0.updatedAt, name: "\($0.lastName) \($0.firstName)")
        }
        let page = try listing.page(
            items, request: request, endpoint: "customers",
            orderings: ["id", "include", "name", "registered_date"], defaultOrdering: ("name", "asc")
        )
        let records = page.ids.compactMap { id in set.person(id: id).map { WooCommerceRecords.customer($0, isPaying: paying.contains($0.id)) } }
        return .json(.array(records), headers: page.headers)
    }

    func orders(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let set = data.snapshot
        var orders = set.orders
        if let statuses = request.query["status"], statuses != "any" {
            let wanted = Set(statuses.split(separator: ",").map(String.init))
            orders = orders.filter { wanted.contains(WooCommerceRecords.status($0)) }
        }
        if let customer = request.query["customer"].flatMap(Int.init) { orders = orders.filter { $0.customerID == customer } }
        let items = orders.map {
            WooCommerceListing.Item(id: $0.id, createdAt: $0.createdAt, modifiedAt: $0.updatedAt, name: String($0.number))
        }
        let page = try listing.page(
            items, request: request, endpoint: "orders",
            orderings: ["date", "id", "include", "title", "slug", "modified"], defaultOrdering: ("date", "desc")
        )
        let records = page.ids.map { id in
            let order = set.orders[id - 1]
            return WooCommerceRecords.order(order, customer: set.person(id: order.customerID))
        }
        return .json(.array(records), headers: page.headers)
    }
}
