import Foundation
import GRDB
import KontorStore

extension SQLiteStore {
    /// The names of every migration this build knows, oldest first.
    public static var knownMigrations: [String] { SQLiteSchema.migrationNames }

    /// Applies pending migrations; refuses a store migrated by a newer build.
    public func migrate() async throws(StoreError) {
        let migrator = SQLiteSchema.migrator()
        let applied = try await appliedMigrations()
        let unknown = applied.filter { !SQLiteSchema.migrationNames.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(
                .migration,
                "store '\(location)' has migrations this build does not know (\(unknown.joined(separator: ", "))); "
                    + "it was written by a newer Kontor")
        }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(writer) { result in
                    continuation.resume(with: result.map { _ in () })
                }
            }
        } catch {
            throw StoreError(.migration, StoreError.database("migrate store '\(location)'", error).message)
        }
    }

    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read("read the applied migrations") { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    public func storeInfo() async throws(StoreError) -> StoreInfo {
        let applied = try await appliedMigrations()
        let size = try await read("measure the store") { db -> Int64 in
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * pageSize
        }
        return StoreInfo(
            engine: "sqlite", location: location, sizeBytes: size, schemaVersion: applied.count,
            appliedMigrations: applied,
            pendingMigrations: SQLiteSchema.migrationNames.filter { !applied.contains($0) })
    }
}
