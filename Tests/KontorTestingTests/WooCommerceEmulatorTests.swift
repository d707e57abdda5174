import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class WooCommerceEmulatorTests: XCTestCase {
    private let auth = ["Authorization": "Basic " + Data("ck_emulator:cs_emulator".utf8).base64EncodedString()]

    private func start(count: Int = 250, configuration: WooCommerceConfiguration = .init(), clock: SteppingClock = SteppingClock()) async throws -> WooCommerceEmulator {
        try await WooCommerceEmulator.start(dataSet: CustomerDataSet(seed: 21, count: count), configuration: configuration, clock: clock)
    }

    func testPagePagingYieldsEveryCustomerOnceWithTotals() async throws {
        let shop = try await start()
        var ids: [Int] = []
        var page = 1
        var totalPages = 1
        repeat {
            let reply = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/customers?per_page=100&orderby=id&order=asc&page=\(page)", headers: auth)
            XCTAssertEqual(reply.status, 200)
            XCTAssertEqual(reply.header("X-WP-Total"), "250")
            totalPages = Int(reply.header("X-WP-TotalPages") ?? "") ?? 0
            if page < totalPages { XCTAssertNotNil(reply.link("next")) } else { XCTAssertNil(reply.link("next")) }
            ids += reply.json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            page += 1
        } while page <= totalPages
        await shop.stop()
        XCTAssertEqual(totalPages, 3)
        XCTAssertEqual(ids, Array(1...250))
    }

    func testPerPageAboveOneHundredIsRejected() async throws {
        let shop = try await start(count: 10)
        let reply = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/orders?per_page=101", headers: auth)
        await shop.stop()
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["code"], "rest_invalid_param")
        XCTAssertEqual(reply.json["data"]?["status"], 400)
        XCTAssertNotNil(reply.json["data"]?["params"]?["per_page"])
        XCTAssertEqual(shop.log.violations.map(\.kind), [.pageSize])
    }

    func testAuthFailuresUseWooCommerceBodies() async throws {
        let shop = try await start(count: 3)
        let url = shop.apiBaseURL.absoluteString + "/customers"
        let missing = try await LoopbackClient.get(url)
        let wrongKey = try await LoopbackClient.get(url, headers: ["Authorization": "Basic " + Data("ck_x:cs_emulator".utf8).base64EncodedString()])
        let viaQuery = try await LoopbackClient.get(url + "?consumer_key=ck_emulator&consumer_secret=cs_emulator")
        await shop.stop()
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(missing.json["code"], "woocommerce_rest_cannot_view")
        XCTAssertEqual(wrongKey.status, 401)
        XCTAssertEqual(wrongKey.json["code"], "woocommerce_rest_authentication_error")
        XCTAssertEqual(wrongKey.json["data"]?["status"], 401)
        XCTAssertEqual(viaQuery.status, 200)
    }

    func testModifiedAfterReturnsOnlyTouchedRecords() async throws {
        let shop = try await start(count: 80)
        let touched = shop.data.touch(6)
        let touchedOrders = shop.data.touchOrders(4)
        let after = EmulatorTimestamp.format(shop.data.snapshot.baseDate, .local)
        let customers = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/customers?orderby=id&order=asc&modified_after=\(after)", headers: auth)
        let orders = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/orders?orderby=id&order=asc&modified_after=\(after)", headers: auth)
        await shop.stop()
        XCTAssertEqual(customers.json.arrayValue?.compactMap { $0["id"]?.intValue }, touched)
        XCTAssertEqual(customers.header("X-WP-Total"), "6")
        XCTAssertEqual(orders.json.arrayValue?.compactMap { $0["id"]?.intValue }, touchedOrders)
    }

    func testOrderingAndInvalidOrderby() async throws {
        let shop = try await start(count: 40)
        let desc = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/orders?orderby=id&order=desc&per_page=5", headers: auth)
        let byDate = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/orders?per_page=100", headers: auth)
        let invalid = try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/orders?orderby=colour", headers: auth)
        await shop.stop()
        let ids = desc.json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
        XCTAssertEqual(ids, ids.sorted(by: >))
        XCTAssertEqual(ids.first, shop.data.snapshot.orders.count)
        let dates = byDate.json.arrayValue?.compactMap { $0["date_created_gmt"]?.stringValue } ?? []
        XCTAssertEqual(dates, dates.sorted(by: >), "default orderby=date order=desc")
        XCTAssertEqual(invalid.status, 400)
        XCTAssertEqual(invalid.json["code"], "rest_invalid_param")
        XCTAssertNotNil(byDate.json[0]?["line_items"]?[0]?["sku"]?.stringValue)
    }

    func testOptionalRateCapAnswers429() async throws {
        let shop = try await start(count: 2, configuration: WooCommerceConfiguration(requestsPerSecond: 2))
        var statuses: [Int] = []
        for _ in 1...3 { statuses.append(try await LoopbackClient.get(shop.apiBaseURL.absoluteString + "/customers", headers: auth).status) }
        await shop.stop()
        XCTAssertEqual(statuses, [200, 200, 429])
        XCTAssertEqual(shop.log.throttledResponses, 1)
    }
}
