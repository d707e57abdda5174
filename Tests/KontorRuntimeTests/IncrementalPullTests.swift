import Foundation
import KontorCore
import KontorHTTP
import KontorSQLite
import KontorStore
import XCTest

@testable import KontorRuntime

/// Incremental pulls, resumption and partitions against an in-process API (no network).
final class IncrementalPullTests: XCTestCase {
    private let plugin = #"""
    {"format":"kontor/v1","name":"fakeshop","spec":{"token":{"type":"secret"},"start_date":{"type":"datetime","optional":true}},
     "http":{"base_url":"https://shop.test/admin/","auth":{"type":"api_key","in":{"header":"X-Token"},"value":"{{ config.token }}"}},
     "streams":{"customers":{"primary_key":["id"],"request":{"path":"customers.json","query":{"limit":"10"}},
       "records":{"path":["customers"]},"paginate":{"type":"link_header"},
       "incremental":{"type":"datetime","field":"updated_at","start":"{{ config.start_date or '2020-01-01T00:00:00Z' }}","start_param":{"query":"updated_at_min"}},
       "emit":[{"type":"identify","user_id":"{{ record.id }}","identifiers":{"email":"{{ record.email }}"},"traits":{"email":"$.email"}}]}}}
    """#

    private func runner(_ transport: FakeTransport, store: SQLiteStore, clock: RecordingClock) throws -> SourceRunner {
        try SourceRunner(
            source: "shop", plugin: try PluginFixture.plugin(plugin), config: ["token": "secret-token-1"],
            store: store, history: store, transport: transport, clock: clock
        )
    }

    func testFullThenIncrementalPullsOnlyTouchedRecords() async throws {
        let shop = FakeShop(count: 35)
        let store = try await PluginFixture.store()
        let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let transport = shop.transport()
        let first = try await runner(transport, store: store, clock: clock).run()
        XCTAssertEqual(first.total.records, 35)
        XCTAssertEqual(first.total.messages, 35)
        XCTAssertEqual(first.total.pages, 4)
        let lastUpdate = DateFormat.rfc3339.string(from: shop.base.addingTimeInterval(35 * 60))
        XCTAssertEqual(first.cursors["customers"]?[""], ["updated_at": .string(lastUpdate)])

        shop.touch([3, 17, 29], at: shop.base.addingTimeInterval(100_000))
        let second = try await runner(transport, store: store, clock: clock).run()
        XCTAssertEqual(second.total.messages, 3, "the three touched customers are new messages")
        XCTAssertEqual(second.total.records, 4, "plus customer 35, whose updated_at equals the cursor (inclusive filter)")
        XCTAssertEqual(second.total.duplicates, 1)
        XCTAssertEqual(transport.requests.last?.query("updated_at_min"), lastUpdate)

        let runs = try await store.recentRuns(name: "shop", limit: 5)
        XCTAssertEqual(runs.map(\.status), [.succeeded, .succeeded])
        XCTAssertEqual(runs.first?.counts["messages"], 3)
    }

    func testMalformedPageFailsWithoutAdvancingAndTheRerunResumes() async throws {
        let shop = FakeShop(count: 35)
        shop.breakRequest(3)
        let store = try await PluginFixture.store()
        let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let transport = shop.transport()
        let failing = try runner(transport, store: store, clock: clock)
        do throws(PullError) {
            _ = try await failing.run()
            XCTFail("expected the malformed page to fail the run")
        } catch {
            XCTAssertEqual(error.kind, .malformedPage)
            XCTAssertEqual(error.stream, "customers")
            XCTAssertTrue(error.description.contains("GET https://shop.test/admin/customers.json?limit=10&page_info="), error.description)
            XCTAssertFalse(error.description.contains("secret-token-1"))
        }
        let stored = try await store.cursor(source: "shop", stream: "customers")
        XCTAssertNil(stored?["updated_at"], "the cursor did not move")
        XCTAssertEqual(stored?["_resume"]?["page"]?["url"]?.stringValue?.contains("page_info=20"), true, "the checkpoint is after page 2")
        let failed = try await store.lastRun(name: "shop")
        XCTAssertEqual(failed?.status, .failed)
        XCTAssertEqual(failed?.counts["messages"], 20)

        let rerun = try await runner(transport, store: store, clock: clock).run()
        XCTAssertEqual(transport.requests[3].query("page_info"), "20~2020-01-01T00:00:00Z", "resumed at the broken page")
        XCTAssertEqual(rerun.total.messages, 15)
        XCTAssertEqual(rerun.total.duplicates, 0, "nothing pulled twice")
        XCTAssertEqual(rerun.cursors["customers"]?[""]?["updated_at"], .string(DateFormat.rfc3339.string(from: shop.base.addingTimeInterval(35 * 60))))
        XCTAssertNil(rerun.cursors["customers"]?[""]?["_resume"])
    }

    func testFullRefreshStartsOver() async throws {
        let shop = FakeShop(count: 12)
        let store = try await PluginFixture.store()
        let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let transport = shop.transport()
        _ = try await runner(transport, store: store, clock: clock).run()
        let again = try await runner(transport, store: store, clock: clock).run(fullRefresh: true)
        XCTAssertEqual(again.total.records, 12)
        XCTAssertEqual(again.total.duplicates, 12, "the event log already holds every message")
        XCTAssertEqual(transport.requests.last(where: { $0.query("page_info") == nil })?.query("updated_at_min"), "2020-01-01T00:00:00Z")
    }

    func testUnknownStreamSuggestsTheNearest() async throws {
        let store = try await PluginFixture.store()
        let runner = try runner(FakeShop(count: 1).transport(), store: store, clock: RecordingClock(now: Date()))
        do throws(PullError) {
            _ = try await runner.run(streams: ["customer"])
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error.description.contains("did you mean 'customers'?"), error.description)
        }
    }
}
