import Foundation
import GRDB
import KontorStore

extension SQLiteStore: ProfileStore {
    /// A read on a snapshot: in WAL mode it runs beside the writer without blocking it.
    public func profileRead<T: Sendable>(_ body: @Sendable (any ProfileReader) throws -> T) async throws -> T {
        do {
            return try await writer.read { db in try body(SQLiteProfileReader(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError.database("read profiles", error)
        }
    }

    public func profileTransaction<T: Sendable>(_ body: @Sendable (any ProfileTransaction) throws -> T) async throws -> T {
        let now = self.now
        do {
            return try await writer.write { db in try body(SQLiteTransaction(db: db, now: now())) }
        } catch let error as DatabaseError {
            throw StoreError.database("commit a profile transaction", error)
        }
    }
}
