import Foundation
import GRDB
import KontorCore
import KontorSQLite
import KontorStore
import XCTest

/// SQLite specifics of the profile tables: the v2 migrations and the `consents` and `traits` columns
/// that readers outside Swift (reports, `sqlite3`) see.
final class ProfileTablesTests: XCTestCase {
    func testProfileMigrationsAreAppended() {
        let known = SQLiteStore.knownMigrations
        XCTAssertEqual(known.prefix(11).last, "v1-audit-log", "v1 migrations stay first, unchanged")
        for name in ["v2-profile-state", "v2-profile-events", "v2-membership-exits"] {
            XCTAssertTrue(known.contains(name), "\(name) is registered")
        }
    }

    func testConsentsAndPlainColumnsFollowTheProfile() async throws {
        let folder = NSTemporaryDirectory() + "kontor-profile-tables-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kontor.db"
        let store = try SQLiteStore.file(at: path)
        try await store.migrate()
        let at = Date(timeIntervalSince1970: 1_714_557_600)
        var profile = StoredProfile(id: "p-1", createdAt: at, updatedAt: at, isDirty: true)
        profile.consent.record(ConsentEntry(purpose: "email", granted: true, source: "popup", at: at, messageID: "m1"))
        profile.consent.record(ConsentEntry(purpose: "email", granted: false, source: "shop", at: at.addingTimeInterval(60), messageID: "m2"))
        profile.consent.record(ConsentEntry(purpose: "ads", granted: true, source: "popup", at: at, messageID: "m1"))
        profile.traits.fold(Message(type: .identify, messageId: "m1", timestamp: at, traits: ["name": "Ada"]), source: "popup")
        profile.computedValues = ["order_count": 2]
        let saved = profile
        try await store.profileTransaction { try $0.saveProfile(saved) }
        try await store.close()

        let queue = try DatabaseQueue(path: path)
        let rows = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT purpose, status, source FROM consents WHERE profile_id = 'p-1' ORDER BY purpose")
                .map { "\($0["purpose"] as String)=\($0["status"] as String) by \($0["source"] as String)" }
        }
        XCTAssertEqual(rows, ["ads=granted by popup", "email=denied by shop"])
        let columns = try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT traits, computed FROM profiles WHERE id = 'p-1'")
                .map { [$0["traits"] as String, $0["computed"] as String] }
        }
        XCTAssertEqual(columns, [#"{"name":"Ada"}"#, #"{"order_count":2}"#])
        try queue.close()

        let reopened = try SQLiteStore.file(at: path)
        var absorbed = saved
        absorbed.mergedInto = "p-0"
        let merged = absorbed
        try await reopened.profileTransaction { tx in
            try tx.saveProfile(StoredProfile(id: "p-0", createdAt: at, updatedAt: at))
            try tx.saveProfile(merged)
        }
        try await reopened.close()
        let queue2 = try DatabaseQueue(path: path)
        let left = try await queue2.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consents") }
        XCTAssertEqual(left, 0, "a merged-away profile has no current consents")
        try queue2.close()
    }
}
