import Foundation
import GRDB
import KontorCore
import KontorStore
import XCTest

@testable import KontorSQLite

/// What is particular to the SQLite engine: files, WAL, the migration list, URLs.
final class SQLiteStoreTests: TemporaryFolderTestCase {
    private func migratedFile(_ name: String = "kontor.db") async throws -> SQLiteStore {
        let store = try SQLiteStore.file(at: folder + "/" + name)
        try await store.migrate()
        return store
    }

    func testFileStoreRunsInWALModeWithForeignKeys() async throws {
        let store = try await migratedFile()
        let (journal, foreignKeys) = try await store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        XCTAssertEqual(journal, "wal")
        XCTAssertEqual(foreignKeys, 1)
        try await store.close()
    }

    func testMigrationsAreAppendOnlyAfterTheV1List() async throws {
        let v1 = [
            "v1-events", "v1-profiles", "v1-consents", "v1-memberships", "v1-destination-state", "v1-outbox",
            "v1-sync-state", "v1-runs", "v1-schedules", "v1-consumer-positions", "v1-audit-log",
        ]
        // Shipped migrations never change or move; later ones are only appended.
        let expected = SQLiteStore.knownMigrations
        XCTAssertEqual(Array(expected.prefix(v1.count)), v1)
        XCTAssertEqual(Set(expected).count, expected.count, "migration names are unique")
        XCTAssertTrue(expected.dropFirst(v1.count).allSatisfy { !$0.hasPrefix("v1-") })
        let store = try SQLiteStore.inMemory()
        let before = try await store.storeInfo()
        XCTAssertEqual(before.schemaVersion, 0)
        XCTAssertEqual(before.pendingMigrations, expected)
        try await store.migrate()
        let applied = try await store.appliedMigrations()
        XCTAssertEqual(applied, expected)
    }

    func testEveryTableOfTheLogicalSchemaExists() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let tables = try await store.writer.read { db in
            try String.fetchSet(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        }
        XCTAssertEqual(tables, [
            "events", "identities", "profiles", "merges", "consents", "memberships", "destination_state", "outbox",
            "dead_letters", "sync_state", "runs", "schedules", "consumer_positions", "audit_log", "profile_events",
            "retired_events", "delivery_totals",
        ])
    }

    func testStoreInfoReportsPathSizeAndVersion() async throws {
        let store = try await migratedFile()
        _ = try await store.append([Message(type: .track, messageId: "m", timestamp: Date(), userId: "u", event: "E")],
                                   source: "shop")
        let info = try await store.storeInfo()
        XCTAssertEqual(info.engine, "sqlite")
        XCTAssertEqual(info.location, folder + "/kontor.db")
        XCTAssertEqual(info.schemaVersion, SQLiteStore.knownMigrations.count)
        XCTAssertEqual(info.pendingMigrations, [])
        XCTAssertGreaterThan(info.sizeBytes ?? 0, 4096)
        try await store.close()
    }

    func testInstantsAreStoredAsFixedWidthUTCText() async throws {
        let store = try SQLiteStore.inMemory(now: { Date(timeIntervalSince1970: 1_714_557_600.5) })
        try await store.migrate()
        let message = Message(type: .track, messageId: "m", timestamp: Date(timeIntervalSince1970: 0), userId: "u",
                              event: "E")
        _ = try await store.append([message], source: "shop")
        let joined = try await store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT timestamp || '|' || received_at || '|' || payload FROM events")
        }
        let columns = (joined ?? "").split(separator: "|").map(String.init)
        XCTAssertEqual(columns.count, 3)
        XCTAssertEqual(columns.first, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(columns.dropFirst().first, "2024-05-01T10:00:00.500Z")
        XCTAssertEqual(
            columns.last,
            #"{"event":"E","messageId":"m","timestamp":"1970-01-01T00:00:00.000Z","type":"track","userId":"u"}"#)
    }

    func testOpenResolvesARelativePathAgainstTheConfigFolder() async throws {
        let store = try SQLiteStore.open(try StoreURL(parsing: "sqlite:data.db"), relativeTo: folder)
        try await store.migrate()
        XCTAssertEqual(store.location, folder + "/data.db")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/data.db"))
        try await store.close()
    }

    func testOpenMemoryURLGivesAPrivateStore() async throws {
        let first = try SQLiteStore.open(try StoreURL(parsing: "sqlite::memory:"))
        let second = try SQLiteStore.open(.sqliteMemory)
        try await first.migrate()
        try await second.migrate()
        _ = try await first.append([Message(type: .track, messageId: "m", timestamp: Date(), userId: "u", event: "E")],
                                   source: "shop")
        let counts = (try await first.count(), try await second.count())
        XCTAssertEqual(counts.0, 1)
        XCTAssertEqual(counts.1, 0)
        XCTAssertEqual(first.location, ":memory:")
    }

    func testPostgresURLIsReportedAsNotAvailableWithoutItsPassword() throws {
        let url = try StoreURL(parsing: "postgres://kontor:s3cret@db.example:5433/kontor")
        XCTAssertThrowsError(try SQLiteStore.open(url)) { error in
            let storeError = error as? StoreError
            XCTAssertEqual(storeError?.kind, .unsupported)
            XCTAssertTrue(storeError?.message.contains("not available in this build yet") == true, "\(error)")
            XCTAssertFalse("\(error)".contains("s3cret"), "\(error)")
        }
    }

    func testAMissingFolderIsNamed() {
        XCTAssertThrowsError(try SQLiteStore.file(at: folder + "/missing/kontor.db")) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .database)
            XCTAssertTrue("\(error)".contains("folder '\(folder)/missing' does not exist"), "\(error)")
        }
    }

    func testAStoreMigratedByANewerBuildIsRefused() async throws {
        let store = try await migratedFile()
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        }
        do {
            try await store.migrate()
            XCTFail("expected a migration error")
        } catch {
            XCTAssertEqual(error.kind, .migration)
            XCTAssertTrue(error.message.contains("v9-future"), error.message)
        }
        try await store.close()
    }

    /// `kontor run` and `kontor sync` may hold the same file: two pools append
    /// the same ids at once, and each message is stored exactly once.
    func testTwoConnectionsToOneFileDedupeTogether() async throws {
        let first = try await migratedFile()
        let second = try SQLiteStore.file(at: first.location)
        try await second.migrate()
        let messages = (0..<100).map {
            Message(type: .track, messageId: "m-\($0)", timestamp: Date(timeIntervalSince1970: 0), userId: "u", event: "E")
        }
        async let a = first.append(messages, source: "shop")
        async let b = second.append(messages.reversed(), source: "shop")
        let (resultA, resultB) = try await (a, b)
        XCTAssertEqual(resultA.inserted + resultB.inserted, 100)
        XCTAssertEqual(resultA.duplicates + resultB.duplicates, 100)
        let countsSeen = (try await first.count(), try await second.count())
        XCTAssertEqual(countsSeen.0, 100)
        XCTAssertEqual(countsSeen.1, 100)
        try await first.close()
        try await second.close()
    }

    func testClosedStoreRefusesWork() async throws {
        let store = try await migratedFile()
        try await store.close()
        do {
            _ = try await store.count()
            XCTFail("expected an error from a closed store")
        } catch {
            XCTAssertEqual(error.kind, .database)
        }
    }
}
