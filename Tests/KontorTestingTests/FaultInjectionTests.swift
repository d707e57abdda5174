import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

/// Faults are injected through the live server and look like the emulated API's own errors.
final class FaultInjectionTests: XCTestCase {
    private let token = ["X-Shopify-Access-Token": "shpat_emulator"]

    func testEachFaultAppearsAsConfigured() async throws {
        let clock = SteppingClock()
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 3, count: 20), clock: clock)
        shop.faults.add(FaultRule(.rateLimited, on: .requests([1]), endpoint: "customers"))
        shop.faults.add(FaultRule(.serverError(status: 503), on: .requests([2]), endpoint: "customers"))
        shop.faults.add(FaultRule(.truncatedBody, on: .requests([3]), endpoint: "customers"))
        shop.faults.add(FaultRule(.delay(seconds: 5), on: .requests([4]), endpoint: "customers"))
        shop.faults.add(FaultRule(.unauthorized, on: .requests([5]), endpoint: "customers"))
        let url = shop.apiBaseURL().absoluteString + "/customers.json"
        var replies: [LoopbackReply] = []
        for _ in 1...6 { replies.append(try await LoopbackClient.get(url, headers: token)) }
        let other = try await LoopbackClient.get(shop.apiBaseURL().absoluteString + "/orders/count.json", headers: token)
        await shop.stop()

        XCTAssertEqual(replies.map(\.status), [429, 503, 200, 200, 401, 200])
        XCTAssertEqual(replies[0].header("Retry-After"), "2.0")
        XCTAssertNotNil(replies[0].json["errors"]?.stringValue)
        XCTAssertTrue(replies[1].isJSON)
        XCTAssertFalse(replies[2].isJSON, "truncated body must not parse")
        XCTAssertFalse(replies[2].body.isEmpty)
        XCTAssertTrue(replies[3].isJSON)
        XCTAssertEqual(clock.sleeps, [5])
        XCTAssertEqual(replies[5].json["customers"]?.arrayValue?.count, 20)
        XCTAssertEqual(other.status, 200, "rules filtered to customers leave orders alone")

        XCTAssertEqual(shop.log.faultsInjected, 5)
        XCTAssertEqual(shop.log.throttledResponses, 1)
        XCTAssertEqual(shop.log.count(endpoint: "customers"), 6)
        XCTAssertEqual(shop.log.entries.map(\.fault), [.rateLimited, .serverError(status: 503), .truncatedBody, .delay(seconds: 5), .unauthorized, nil, nil])
        XCTAssertTrue(shop.log.violations.isEmpty, "injected faults are not client violations")
    }

    func testFaultPlanChangesWhileRunning() async throws {
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 3, count: 5), clock: SteppingClock())
        let url = shop.apiBaseURL().absoluteString + "/customers/count.json"
        let before = try await LoopbackClient.get(url, headers: token)
        shop.faults.add(FaultRule(.serverError(status: 502), on: .always))
        let during = try await LoopbackClient.get(url, headers: token)
        shop.faults.removeAll()
        let after = try await LoopbackClient.get(url, headers: token)
        await shop.stop()
        XCTAssertEqual([before.status, during.status, after.status], [200, 502, 200])
    }

    func testStoppedServerRefusesConnections() async throws {
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 3, count: 1), clock: SteppingClock())
        let url = shop.apiBaseURL().absoluteString + "/customers/count.json"
        XCTAssertGreaterThan(shop.server.port, 0)
        let first = try await LoopbackClient.get(url, headers: token)
        XCTAssertEqual(first.status, 200)
        await shop.stop()
        await shop.stop()
        do {
            _ = try await LoopbackClient.send(url, headers: token, deadline: .seconds(1))
            XCTFail("expected the connection to be refused")
        } catch {}
    }
}
