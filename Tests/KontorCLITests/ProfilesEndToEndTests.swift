import Foundation
import KontorCore
import KontorTesting
import XCTest

/// The single customer view end to end through the real binary: `kontor sync`
/// pulls customers and orders from the Shopify emulator and in-store sales from a
/// `file` source CSV, `kontor profiles build` unifies them, and `kontor profiles
/// show` / `kontor segments list` print what a hand count of the data set predicts.
///
/// (`ProfilesCommandTests` covers the commands over a hand-seeded log; this test is
/// about messages pulled by real sources landing in the right profiles.)
final class ProfilesEndToEndTests: XCTestCase {
    private var shop: ShopifyEmulator!
    private var folder: URL!

    override func tearDown() async throws {
        await shop?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// One till receipt line of `sales.csv`.
    private struct Sale {
        var receipt: String
        var email: String
        var sku: String
        var price: String
        var quantity: Int
        /// `price × quantity` in cents, counted by hand.
        var cents: Int
    }

    private static let walkIn = "walk.in@example.org"

    /// The data set's orders of `person` that the Shopify plugin turns into `Order Completed` (not cancelled).
    private static func shopOrders(of person: Person, in data: CustomerDataSet) -> [Order] {
        data.orders(ofCustomer: person.id).filter { $0.status != .cancelled }
    }

    private static func euros(_ cents: Int) -> Double { Double(cents) / 100 }

    func testPulledCustomersOrdersAndTillSalesMergeIntoOneProfilePerPerson() async throws {
        let data = CustomerDataSet(seed: 23, count: 40, sharedFraction: 0)
        let emails = data.people.map { $0.email.lowercased() }
        XCTAssertEqual(Set(emails).count, data.people.count, "precondition: one e-mail per person")
        XCTAssertFalse(emails.contains(Self.walkIn))
        // Ada buys online and in store; Bea only in store; a walk-in customer is not a Shopify customer at all.
        let ada = try XCTUnwrap(data.people.first { !Self.shopOrders(of: $0, in: data).isEmpty })
        let bea = try XCTUnwrap(data.people.first { $0.id != ada.id && Self.shopOrders(of: $0, in: data).isEmpty })
        let sales = [
            Sale(receipt: "R-1", email: ada.email.uppercased(), sku: "COF-1", price: "\"12,50\"", quantity: 2, cents: 2500),
            Sale(receipt: "R-2", email: ada.email, sku: "TEA-7", price: "7.25", quantity: 1, cents: 725),
            Sale(receipt: "R-3", email: bea.email, sku: "MUG-3", price: "9.90", quantity: 1, cents: 990),
            Sale(receipt: "R-4", email: Self.walkIn, sku: "COF-1", price: "12.50", quantity: 1, cents: 1250),
        ]
        try await startShop(data)
        try writeDeployment(sales: sales)

        for source in ["shop", "till"] {
            let sync = try kontor(["sync", source])
            XCTAssertEqual(sync.exitCode, 0, "kontor sync \(source): \(sync.stderr)")
        }
        let build = try kontor(["profiles", "build"])
        XCTAssertEqual(build.exitCode, 0, build.stderr)
        let shopOrderCount = data.orders.filter { $0.status != .cancelled }.count
        let events = data.people.count + shopOrderCount + sales.count
        XCTAssertTrue(build.stdout.contains("\(events) event(s) processed"), build.stdout)
        XCTAssertTrue(build.stdout.contains("\(data.people.count + 1) profile(s) created, 0 merge(s)"), build.stdout)

        // Ada: one profile with the identifiers of both sources and both sources' orders.
        let adaOrders = Self.shopOrders(of: ada, in: data)
        let adaShopCents = adaOrders.reduce(0) { $0 + $1.totalCents }
        let customerID = String(7_000_000_000_000 + ada.id)
        let show = try kontor(["profiles", "show", ada.email.uppercased()])
        XCTAssertEqual(show.exitCode, 0, show.stderr)
        for row in [
            ["email", ada.email.lowercased()], ["shopify_customer_id", customerID], ["user_id", customerID],
            ["anonymous_id", "file-\(ada.email.uppercased())"], ["order_count", String(adaOrders.count + 2)],
            ["store_orders", "2"], ["buyers"], ["omnichannel"],
        ] {
            XCTAssertTrue(ProfilesCommandTests.hasRow(show.stdout, row), "missing row \(row) in:\n\(show.stdout)")
        }
        let adaJSON = try showJSON(customerID, kind: "shopify_customer_id")
        let identities = try XCTUnwrap(adaJSON["identities"] as? [String: [String]])
        XCTAssertEqual(identities["email"], [ada.email.lowercased()])
        XCTAssertEqual(identities["anonymous_id"], ["file-\(ada.email.uppercased())", "file-\(ada.email)"].sorted())
        let adaComputed = try XCTUnwrap(adaJSON["computed"] as? [String: Any])
        XCTAssertEqual(adaComputed["order_count"] as? Int, adaOrders.count + 2)
        XCTAssertEqual(
            try XCTUnwrap(Self.number(adaComputed["lifetime_value"])), Self.euros(adaShopCents + 2500 + 725), accuracy: 0.001)
        XCTAssertEqual((adaJSON["traits"] as? [String: Any])?["first_name"] as? String, ada.firstName)
        XCTAssertEqual(Set(adaJSON["segments"] as? [String] ?? []).intersection(["buyers", "omnichannel"]), ["buyers", "omnichannel"])

        // Bea: the Shopify customer without online orders is a buyer through the till alone.
        let beaJSON = try showJSON(bea.email, kind: "email")
        let beaComputed = try XCTUnwrap(beaJSON["computed"] as? [String: Any])
        XCTAssertEqual(beaComputed["order_count"] as? Int, 1)
        XCTAssertEqual(try XCTUnwrap(Self.number(beaComputed["lifetime_value"])), 9.9, accuracy: 0.001)
        XCTAssertEqual((beaJSON["identities"] as? [String: [String]])?["shopify_customer_id"], [String(7_000_000_000_000 + bea.id)])
        XCTAssertFalse((beaJSON["segments"] as? [String] ?? []).contains("omnichannel"))

        // The walk-in customer: a profile of its own, from the CSV only.
        let walkIn = try showJSON(Self.walkIn, kind: "email")
        XCTAssertNil((walkIn["identities"] as? [String: [String]])?["shopify_customer_id"])
        XCTAssertEqual((walkIn["computed"] as? [String: Any])?["store_orders"] as? Int, 1)

        // Segment sizes, counted by hand over the whole data set.
        let onlineBuyers = data.people.filter { !Self.shopOrders(of: $0, in: data).isEmpty }.count
        let subscribed = data.people.filter { $0.emailConsent == .subscribed }.count
        let list = try kontor(["segments", "list"])
        XCTAssertEqual(list.exitCode, 0, list.stderr)
        for row in [["buyers", String(onlineBuyers + 2)], ["omnichannel", "1"], ["newsletter", String(subscribed)]] {
            XCTAssertTrue(ProfilesCommandTests.hasRow(list.stdout, row), "missing row \(row) in:\n\(list.stdout)")
        }
        XCTAssertTrue(list.stdout.contains("\(data.people.count + 1) profile(s)"), list.stdout)
    }

    // MARK: - Support

    private func startShop(_ data: CustomerDataSet) async throws {
        shop = try await ShopifyEmulator.start(dataSet: data)
        shop.host.origin = shop.baseURL.absoluteString
    }

    /// connectors.yaml with the Shopify emulator as `shop`, `till/sales.csv` as `till`, and the rules under test.
    private func writeDeployment(sales: [Sale]) throws {
        folder = try KontorBinary.temporaryDirectory()
        let till = folder.appendingPathComponent("till")
        try FileManager.default.createDirectory(at: till, withIntermediateDirectories: true)
        var csv = "order_id,email,sku,name,price,quantity,store,sold_at\n"
        for (index, sale) in sales.enumerated() {
            csv += "\(sale.receipt),\(sale.email),\(sale.sku),Item \(index + 1),\(sale.price),\(sale.quantity),Berlin Mitte,"
            csv += "2024-11-\(10 + index)T10:00:00Z\n"
        }
        try csv.write(to: till.appendingPathComponent("sales-2024-11.csv"), atomically: true, encoding: .utf8)
        try """
            kontor: 1
            store: sqlite:kontor.db
            identity: {keys: [user_id, email, phone, shopify_customer_id, anonymous_id]}
            consent: {purposes: [email]}
            sources:
              shop:
                plugin: shopify
                base_url: \(shop.apiBaseURL().absoluteString)/
                config: {shop: kontor-demo, access_token: "${secret:SHOP_TOKEN}", page_size: 25}
                streams: [customers, orders]
              till:
                plugin: file
                config: {directory: till}
                streams: [sales]
            traits:
              order_count:    {count: {event: Order Completed}}
              lifetime_value: {sum: {event: Order Completed, property: total}}
              store_orders:   {count: {event: Order Completed, where: "properties.channel == 'store'"}}
            segments:
              buyers:      {where: "computed.order_count >= 1"}
              omnichannel: {where: "computed.store_orders >= 1 and computed.order_count > computed.store_orders"}
              newsletter:  {where: "consent.email"}
            """.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
    }

    private func kontor(_ arguments: [String]) throws -> KontorBinary.Result {
        try KontorBinary.run(
            arguments + ["--config", folder.appendingPathComponent("connectors.yaml").path], in: folder,
            environment: [
                "SHOP_TOKEN": "shpat_emulator",
                "KONTOR_PLUGINS": KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path,
            ])
    }

    private func showJSON(_ value: String, kind: String) throws -> [String: Any] {
        let result = try kontor(["profiles", "show", "\(kind):\(value)", "--json"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
