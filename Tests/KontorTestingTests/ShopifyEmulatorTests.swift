import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class ShopifyEmulatorTests: XCTestCase {
    private let token = ["X-Shopify-Access-Token": "shpat_emulator"]

    private func start(count: Int = 120, clock: SteppingClock = SteppingClock()) async throws -> ShopifyEmulator {
        try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 11, count: count), clock: clock)
    }

    func testLinkPagingYieldsEveryCustomerExactlyOnce() async throws {
        let shop = try await start(count: 120)
        var url: String? = shop.apiBaseURL().absoluteString + "/customers.json"
        var ids: [Int] = []
        var pages = 0
        while let next = url {
            let reply = try await LoopbackClient.get(next, headers: token)
            XCTAssertEqual(reply.status, 200)
            ids += reply.json["customers"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            url = reply.link("next")
            pages += 1
            if pages > 1 { XCTAssertNotNil(reply.link("previous")) }
        }
        await shop.stop()
        XCTAssertEqual(pages, 3, "default limit 50")
        XCTAssertEqual(ids.count, 120)
        XCTAssertEqual(Set(ids).count, 120)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertTrue(shop.log.violations.isEmpty)
    }

    func testLimitAboveTheMaximumIsRejected() async throws {
        let shop = try await start()
        let reply = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/customers.json?limit=251", headers: token)
        let ok = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/customers.json?limit=250", headers: token)
        await shop.stop()
        XCTAssertEqual(reply.status, 400)
        XCTAssertNotNil(reply.json["errors"]?.stringValue)
        XCTAssertEqual(ok.json["customers"]?.arrayValue?.count, 120)
        XCTAssertEqual(shop.log.violations.map(\.kind), [.pageSize])
    }

    func testWrongTokenGetsShopifys401() async throws {
        let shop = try await start()
        let reply = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/customers.json", headers: ["X-Shopify-Access-Token": "nope"])
        await shop.stop()
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.json["errors"]?.stringValue?.hasPrefix("[API] Invalid API key or access token"), true)
    }

    func testFiltersNextToPageInfoAreRejected() async throws {
        let shop = try await start()
        let first = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/customers.json?limit=10", headers: token)
        let next = try XCTUnwrap(first.link("next"))
        let reply = try await LoopbackClient.get(next + "&updated_at_min=2024-01-01T00:00:00Z", headers: token)
        await shop.stop()
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["errors"]?.stringValue, "updated_at_min cannot be passed when page_info is present")
        XCTAssertEqual(shop.log.violations.map(\.kind), [.contract])
    }

    func testUpdatedAtMinReturnsOnlyTouchedCustomersAcrossPages() async throws {
        let shop = try await start(count: 150)
        let touched = shop.data.touch(7)
        let base = EmulatorTimestamp.format(shop.data.snapshot.baseDate, .offset)
        var url: String? = shop.apiBaseURL().absoluteString + "/customers.json?limit=3&updated_at_min=" + QueryParameters.escape(base)
        var ids: [Int] = []
        while let next = url {
            let reply = try await LoopbackClient.get(next, headers: token)
            ids += reply.json["customers"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            url = reply.link("next")
        }
        let count = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/customers/count.json?updated_at_min=" + QueryParameters.escape(base), headers: token)
        await shop.stop()
        XCTAssertEqual(ids, touched.map { ShopifyRecords.customerIDBase + $0 })
        XCTAssertEqual(count.json["count"]?.intValue, 7)
    }

    func testOrdersDefaultToOpenAndStatusAnyReturnsAll() async throws {
        let shop = try await start(count: 100)
        let orders = shop.data.snapshot.orders
        let base = shop.apiBaseURL().absoluteString
        let open = try await LoopbackClient.get(base + "/orders.json?limit=250", headers: token)
        let all = try await LoopbackClient.get(base + "/orders.json?limit=250&status=any", headers: token)
        let count = try await LoopbackClient.get(base + "/orders/count.json?status=any", headers: token)
        await shop.stop()
        XCTAssertEqual(open.json["orders"]?.arrayValue?.count, orders.filter { $0.status == .open }.count)
        XCTAssertEqual(all.json["orders"]?.arrayValue?.count, orders.count)
        XCTAssertEqual(count.json["count"]?.intValue, orders.count)
        let item = all.json["orders"]?[0]?["line_items"]?[0]
        XCTAssertNotNil(item?["sku"]?.stringValue)
        XCTAssertNotNil(item?["vendor"]?.stringValue)
        XCTAssertEqual(all.header("X-Shopify-API-Version"), "2024-10")
    }

    func testLeakyBucketThrottlesTheFortyFirstRequestWithRetryAfter() async throws {
        let clock = SteppingClock()
        let shop = try await start(count: 5, clock: clock)
        let url = shop.apiBaseURL().absoluteString + "/customers/count.json"
        var last = try await LoopbackClient.get(url, headers: token)
        XCTAssertEqual(last.header("X-Shopify-Shop-Api-Call-Limit"), "1/40")
        for _ in 2...40 { last = try await LoopbackClient.get(url, headers: token) }
        XCTAssertEqual(last.header("X-Shopify-Shop-Api-Call-Limit"), "40/40")
        let throttled = try await LoopbackClient.get(url, headers: token)
        clock.advance(by: 1)
        let afterLeak = try await LoopbackClient.get(url, headers: token)
        await shop.stop()
        XCTAssertEqual(throttled.status, 429)
        XCTAssertEqual(throttled.header("Retry-After"), "2.0")
        XCTAssertEqual(
            throttled.json["errors"]?.stringValue,
            "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."
        )
        XCTAssertEqual(afterLeak.status, 200)
        XCTAssertEqual(afterLeak.header("X-Shopify-Shop-Api-Call-Limit"), "39/40")
        XCTAssertEqual(shop.log.throttledResponses, 1)
        XCTAssertEqual(shop.log.violations.map(\.kind), [.rate])
        XCTAssertEqual(shop.log.requestsServed, 42)
    }
}
