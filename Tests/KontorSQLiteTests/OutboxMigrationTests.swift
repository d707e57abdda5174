import Foundation
import GRDB
import KontorStore
import XCTest

@testable import KontorSQLite

/// SQLite specifics of the outbox: its migration and its columns.
final class OutboxMigrationTests: XCTestCase {
    func testOutboxDeliveryMigrationIsAppendedAfterV1() {
        let known = SQLiteStore.knownMigrations
        XCTAssertEqual(known.prefix(11).last, "v1-audit-log", "v1 migrations stay first, unchanged")
        let index = known.firstIndex(of: "v2-outbox-delivery")
        XCTAssertNotNil(index)
        XCTAssertGreaterThan(index ?? 0, known.firstIndex(of: "v1-outbox") ?? Int.max)
    }

    func testOutboxAndDeadLettersHaveTheDeliveryColumns() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let (outbox, dead) = try await store.writer.read { db in
            (try db.columns(in: "outbox").map(\.name), try db.columns(in: "dead_letters").map(\.name))
        }
        for column in ["profile_id", "payload_hash", "first_attempt_at", "last_attempt_at", "lease_owner", "lease_until"] {
            XCTAssertTrue(outbox.contains(column), "outbox.\(column)")
        }
        for column in ["profile_id", "payload_hash", "first_attempt_at", "last_attempt_at", "replayed_at"] {
            XCTAssertTrue(dead.contains(column), "dead_letters.\(column)")
        }
    }
}
