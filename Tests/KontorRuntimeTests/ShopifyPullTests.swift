import Foundation
import KontorCore
import KontorHTTP
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// The pull runtime against the Shopify emulator on loopback, with the real
/// `AsyncHTTPTransport`, an in-memory SQLite store and a recording manual clock.
final class ShopifyPullTests: XCTestCase {
    /// The customers stream of `Plugins/shopify/plugin.yaml`, as JSON (emit trimmed to what is asserted).
    private static let plugin = #"""
    {"format":"kontor/v1","name":"shopify","spec":{"shop":{"type":"string"},"access_token":{"type":"secret"},
       "page_size":{"type":"integer","default":50},"start_date":{"type":"datetime","optional":true}},
     "http":{"base_url":"https://{{ config.shop }}.myshopify.com/admin/api/2024-10/",
       "auth":{"type":"api_key","in":{"header":"X-Shopify-Access-Token"},"value":"{{ config.access_token }}"},
       "rate_limits":[{"limits":["40/20s"]}],
       "retry":{"max_retries":8,"backoff":[{"type":"header_seconds","header":"Retry-After","max":"1m"},{"type":"exponential","factor":"1s","max":"1m"}],
         "rules":[{"status":[401,403],"action":"fail","failure":"config_error","message":"Check the access token and its read_customers/read_orders scopes"}]}},
     "defaults":{"primary_key":["id"],"request":{"query":{"limit":"{{ config.page_size }}"}},"paginate":{"type":"link_header"}},
     "streams":{"customers":{"request":{"path":"customers.json"},"records":{"path":["customers"]},
       "incremental":{"type":"datetime","field":"updated_at","start":"{{ config.start_date or '2006-01-01T00:00:00Z' }}","start_param":{"query":"updated_at_min"}},
       "emit":[{"type":"identify","user_id":"{{ record.id | string }}",
                "identifiers":{"email":"{{ record.email }}","shopify_customer_id":"{{ record.id | string }}"},
                "traits":{"email":"$.email","first_name":"$.first_name"},"timestamp":"{{ record.updated_at }}"}]}}}
    """#

    private var shop: ShopifyEmulator!
    private var transport: AsyncHTTPTransport!
    private var clock: RecordingClock!
    private var store: SQLiteStore!

    override func setUp() async throws {
        clock = RecordingClock(now: Date(timeIntervalSince1970: 1_767_225_600))  // 2026-01-01, after all data
        shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 7, count: 120), clock: clock.manual)
        shop.host.origin = shop.baseURL.absoluteString  // absolute Link URLs with the bound port
        transport = AsyncHTTPTransport()
        store = try await PluginFixture.store()
    }

    override func tearDown() async throws {
        try await transport.shutdown()
        await shop.stop()
    }

    private func runner(token: String = "shpat_emulator") throws -> SourceRunner {
        try SourceRunner(
            source: "shop", plugin: try PluginFixture.plugin(Self.plugin), config: ["shop": "kontor-demo", "access_token": .string(token)],
            store: store, history: store, transport: transport, clock: clock,
            options: PullOptions(baseURL: shop.apiBaseURL().absoluteString + "/", jitterSeed: 1)
        )
    }

    func testFullPullOfSeveralPagesThenIncremental() async throws {
        let first = try await runner().run()
        XCTAssertEqual(first.total.records, 120)
        XCTAssertEqual(first.total.messages, 120)
        XCTAssertEqual(first.total.pages, 3)
        let events = try await store.read(after: 0, limit: 500)
        XCTAssertEqual(events.count, 120)
        let message = try XCTUnwrap(events.first?.message)
        XCTAssertEqual(message.type, .identify)
        XCTAssertNotNil(message.context["identifiers"]?["shopify_customer_id"])
        XCTAssertTrue(message.messageId.hasPrefix("pull-"))

        let touched = shop.data.touch(7, at: Date(timeIntervalSince1970: 1_760_000_000))
        let second = try await runner().run()
        XCTAssertEqual(second.total.messages, touched.count, "only the touched customers are new")
        XCTAssertLessThanOrEqual(second.total.records - touched.count, second.total.duplicates)
        XCTAssertEqual(second.cursors["customers"]?[""]?["updated_at"], "2025-10-09T08:53:20Z")
    }

    func test429IsWaitedForOnTheClock() async throws {
        shop.faults.add(FaultRule(.rateLimited, on: .requests([2]), endpoint: "customers"))
        let result = try await runner().run()
        XCTAssertEqual(result.total.records, 120)
        // The 429 says Retry-After: 2.0 and X-Shopify-Shop-Api-Call-Limit: 40/40; the longer demand wins:
        // (40 + 1 − 0.8 × 40) / 2 per second = 4.5 s, waited on the manual clock, never slept.
        XCTAssertEqual(clock.waits, [4.5])
        XCTAssertEqual(result.total.retries, 1)
        XCTAssertGreaterThanOrEqual(result.total.waits, 1)
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        shop.faults.add(FaultRule(.serverError(status: 503), on: .requests([1, 2]), endpoint: "customers"))
        let result = try await runner().run()
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testUnauthorizedNamesTheSettingToCheck() async throws {
        let runner = try runner(token: "shpat_wrong_token")
        do throws(PullError) {
            _ = try await runner.run()
            XCTFail("expected a failure")
        } catch {
            XCTAssertEqual(error.kind, .request)
            XCTAssertEqual(error.request?.status, 401)
            XCTAssertEqual(error.failure, .configError)
            XCTAssertTrue(error.description.contains("Check the access token"), error.description)
            XCTAssertTrue(error.description.contains("GET http://127.0.0.1:"), error.description)
            XCTAssertFalse(error.description.contains("shpat_wrong_token"), error.description)
        }
        let run = try await store.lastRun(name: "shop")
        XCTAssertEqual(run?.status, .failed)
        XCTAssertEqual(run?.error?.contains("Check the access token"), true)
    }

    func testTruncatedPageFailsWithoutAdvancingThenResumesWithoutDuplicates() async throws {
        shop.faults.add(FaultRule(.truncatedBody, on: .requests([2]), endpoint: "customers", limit: 1))
        let failing = try runner()
        do throws(PullError) {
            _ = try await failing.run()
            XCTFail("expected a failure")
        } catch {
            XCTAssertEqual(error.kind, .malformedPage)
        }
        let stored = try await store.cursor(source: "shop", stream: "customers")
        XCTAssertNil(stored?["updated_at"])
        let rerun = try await runner().run()
        XCTAssertEqual(rerun.total.messages, 70, "pages 2 and 3 only")
        XCTAssertEqual(rerun.total.duplicates, 0)
        let events = try await store.read(after: 0, limit: 500)
        XCTAssertEqual(Set(events.map(\.message.messageId)).count, 120)
    }
}
