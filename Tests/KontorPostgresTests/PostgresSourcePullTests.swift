import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import XCTest

@testable import KontorPostgres

/// The shipped `postgres` plugin against a real PostgreSQL: exact counts over
/// several pages, incremental runs, equal cursor values at page boundaries,
/// failed pages that keep the cursor, full refresh.
final class PostgresSourcePullTests: XCTestCase {
    private var database: PostgresTestDatabase?

    override func tearDown() async throws {
        await database?.drop()
    }

    private func open() async throws -> PostgresSourceFixture {
        let database = try await PostgresTestDatabase.open()
        self.database = database
        return try await PostgresSourceFixture(database: database)
    }

    func testFullPullOverSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        let fixture = try await open()
        try await fixture.database.createCustomers(1_234)
        let first = try await fixture.run(fixture.config(pageSize: 100))
        XCTAssertEqual(first.total.records, 1_234)
        XCTAssertEqual(first.total.messages, 1_234)
        XCTAssertEqual(first.total.pages, 13, "1,234 rows at 100 per page")
        let events = try await fixture.events()
        XCTAssertEqual(events.count, 1_234)
        XCTAssertEqual(Set(events.map(\.message.messageId)).count, 1_234)
        let sample = try XCTUnwrap(events.first { $0.message.userId == "42" }?.message)
        XCTAssertEqual(sample.type, .identify)
        XCTAssertEqual(sample.traits["email"], "c42@example.com")
        XCTAssertEqual(sample.traits["first_name"], "First42")
        XCTAssertEqual(sample.context["identifiers"]?["crm_customer_id"], "42")
        XCTAssertEqual(sample.context["consent"]?["categoryPreferences"]?["email"], true)

        let schema = fixture.database.schema
        try await fixture.database.execute(
            "UPDATE \(schema).customers SET city = 'Hamburg', updated_at = now() WHERE id IN (3, 99, 100, 101, 500, 777, 1000, 1200, 1233, 1234)")
        try await fixture.database.execute("""
            INSERT INTO \(schema).customers
            SELECT g, 'new' || g || '@example.com', '+4930' || g, 'New', 'Customer', 'Köln', NULL, now()
            FROM generate_series(2001, 2007) AS g
            """)
        let second = try await fixture.run(fixture.config(pageSize: 5))
        XCTAssertEqual(second.total.records, 17, "10 updated and 7 new rows")
        XCTAssertEqual(second.total.messages, 17)
        XCTAssertEqual(second.total.duplicates, 0)
        XCTAssertEqual(second.total.pages, 4, "17 rows at 5 per page")
        let after = try await fixture.events()
        XCTAssertEqual(after.count, 1_251)
        XCTAssertEqual(after.filter { $0.message.traits["city"] == "Hamburg" }.count, 10)

        let third = try await fixture.run(fixture.config())
        XCTAssertEqual(third.total.records, 0, "nothing changed")
        let runs = try await fixture.store.recentRuns(name: "crm_db", limit: 10)
        XCTAssertEqual(runs.count, 3)
        XCTAssertTrue(runs.allSatisfy { $0.status == .succeeded }, "\(runs.map(\.status))")
        XCTAssertEqual(runs.map { $0.counts["records"] ?? -1 }.sorted(), [0, 17, 1_234])
    }

    func testRowsWithEqualCursorValuesAcrossPageBoundariesAreNotLost() async throws {
        let fixture = try await open()
        try await fixture.database.createCustomers(250, sameUpdatedAt: true)
        let result = try await fixture.run(fixture.config(pageSize: 100))
        XCTAssertEqual(result.total.records, 250, "keyset on (updated_at, id) pages through equal cursor values")
        XCTAssertEqual(result.total.pages, 3)
        let ids = Set(try await fixture.events().compactMap(\.message.userId))
        XCTAssertEqual(ids, Set((1...250).map(String.init)))
        let stored = try await fixture.state()
        let state = try XCTUnwrap(stored)
        XCTAssertEqual(state["after"]?[1], "250", "the position holds the key of the last row")

        // Two more rows with the same timestamp but higher ids are read next time; nothing else is.
        try await fixture.database.execute(
            "INSERT INTO \(fixture.database.schema).customers SELECT g, 'late' || g || '@example.com', NULL, NULL, NULL, NULL, NULL, "
                + "(SELECT max(updated_at) FROM \(fixture.database.schema).customers) FROM generate_series(251, 252) AS g")
        let second = try await fixture.run(fixture.config(pageSize: 100))
        XCTAssertEqual(second.total.records, 2)
    }

    func testAConnectionLostMidRunLeavesTheCursorAtTheLastCommittedPage() async throws {
        let fixture = try await open()
        try await fixture.database.createCustomers(1_234)
        let error = try await fixture.failure(fixture.config(pageSize: 100), driver: FailingDriver(failingPage: 7))
        XCTAssertEqual(error.kind, .request)
        XCTAssertEqual(error.failure, .transientError)
        XCTAssertEqual(error.stream, "customers")
        XCTAssertTrue(error.description.contains("connection reset"), error.description)
        let eventCount = try await fixture.events().count
        XCTAssertEqual(eventCount, 600, "pages 1–6 are stored")
        let stored = try await fixture.state()
        let state = try XCTUnwrap(stored)
        XCTAssertEqual(state["after"]?[1], "600", "the cursor is at the last committed page")
        let failed = try await fixture.store.lastRun(name: "crm_db")
        XCTAssertEqual(failed?.status, .failed)
        XCTAssertEqual(failed?.counts["records"], 600)

        // The next run goes on from row 601: no loss, no duplicate.
        let resumed = try await fixture.run(fixture.config(pageSize: 100))
        XCTAssertEqual(resumed.total.records, 634)
        XCTAssertEqual(resumed.total.duplicates, 0)
        let events = try await fixture.events()
        XCTAssertEqual(events.count, 1_234)
        XCTAssertEqual(Set(events.compactMap(\.message.userId)).count, 1_234)
    }

    func testABadCastInTheQueryFailsTheRunNamingTheQuerySetting() async throws {
        let fixture = try await open()
        try await fixture.database.createCustomers(20)
        let broken = "SELECT c.*, (CASE WHEN c.id > 15 THEN 'oops' ELSE '1' END)::int AS n FROM \(fixture.database.schema).customers c"
        let error = try await fixture.failure(fixture.config(["customers_query": .string(broken)], pageSize: 10))
        XCTAssertEqual(error.kind, .plugin)
        XCTAssertEqual(error.stream, "customers")
        XCTAssertTrue(error.message.contains("invalid input syntax for type integer"), error.message)
        XCTAssertTrue(error.message.contains("'customers_query'"), "names the setting to check: \(error.message)")
        let stored = try await fixture.events().count
        XCTAssertTrue(stored == 0 || stored == 10, "only whole pages are stored, got \(stored)")
        let position = try await fixture.state()?["after"]?[1]
        XCTAssertEqual(position, stored == 0 ? nil : "10", "the cursor matches what is stored")
    }

    func testFullRefreshReadsEveryRowAgainAndStoresNoDuplicate() async throws {
        let fixture = try await open()
        try await fixture.database.createCustomers(300)
        _ = try await fixture.run(fixture.config(pageSize: 100))
        let again = try await fixture.run(fixture.config(pageSize: 100), fullRefresh: true)
        XCTAssertEqual(again.total.records, 300)
        XCTAssertEqual(again.total.messages, 0)
        XCTAssertEqual(again.total.duplicates, 300, "same rows, same message ids")
        let eventCount = try await fixture.events().count
        XCTAssertEqual(eventCount, 300)
    }

    func testOrdersBecomeOneOrderCompletedEventPerOrder() async throws {
        let fixture = try await open()
        let schema = fixture.database.schema
        try await fixture.database.execute("""
            CREATE TABLE \(schema).orders (
                id integer PRIMARY KEY, customer_id bigint, email text, total numeric(10,2), currency text, status text,
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)
            """)
        try await fixture.database.execute("""
            INSERT INTO \(schema).orders
            SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE g % 40 END, 'o' || g || '@example.com', g * 1.25,
                   CASE WHEN g % 3 = 0 THEN 'CHF' END, CASE WHEN g % 4 = 0 THEN 'pending' ELSE 'paid' END,
                   timestamptz '2024-06-01 10:00:00+00' + (g || ' minutes')::interval, timestamptz '2024-06-01 12:00:00+00'
            FROM generate_series(1, 120) AS g
            """)
        let config = fixture.config(["completed_statuses": ["paid"]], pageSize: 50)
        let first = try await fixture.run(config, streams: ["orders"])
        XCTAssertEqual(first.total.records, 120)
        XCTAssertEqual(first.total.messages, 90, "30 pending orders emit nothing yet")
        let orders = try await fixture.events()
        let order = try XCTUnwrap(orders.first { $0.message.properties["order_id"] == "7" }?.message)
        XCTAssertEqual(order.event, "Order Completed")
        XCTAssertEqual(order.userId, "7")
        XCTAssertEqual(order.properties["total"], 8.75)
        XCTAssertEqual(order.properties["currency"], "EUR")
        XCTAssertEqual(order.timestamp, ISO8601DateFormatter().date(from: "2024-06-01T10:07:00Z"))

        // Paying a pending order emits it once; touching a paid one emits nothing new.
        try await fixture.database.execute("UPDATE \(schema).orders SET status = 'paid', updated_at = now() WHERE id IN (4, 8)")
        try await fixture.database.execute("UPDATE \(schema).orders SET total = 1, updated_at = now() WHERE id = 7")
        let second = try await fixture.run(config, streams: ["orders"])
        XCTAssertEqual(second.total.records, 3)
        XCTAssertEqual(second.total.messages, 2)
        XCTAssertEqual(second.total.duplicates, 1)
    }
}
