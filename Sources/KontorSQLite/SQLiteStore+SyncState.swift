import Foundation
import GRDB
import KontorCore
import KontorStore

extension SQLiteStore {
    public func cursor(source: String, stream: String, partition: String) async throws(StoreError) -> JSONValue? {
        try await read("read the cursor of \(source).\(stream)") { db in
            try SyncStateTable.cursor(source: source, stream: stream, partition: partition, in: db)
        }
    }

    /// Messages and cursor are validated and encoded first, then written in one
    /// transaction: a failure anywhere leaves both the log and the cursor as they were.
    public func commitPage(
        source: String, stream: String, partition: String, messages: [Message], cursor: JSONValue?
    ) async throws(StoreError) -> AppendResult {
        try SyncStateTable.validate(source: source, stream: stream)
        let now = now()
        let rows = try EventTable.rows(for: messages, source: source, now: now)
        let cursorText = try cursor.map { value throws(StoreError) in
            try SyncStateTable.encode(value, source: source, stream: stream)
        }
        return try await write("commit a page of \(source).\(stream)") { db in
            let result = try EventTable.insert(rows, in: db)
            if let cursorText {
                try SyncStateTable.set(cursorText, source: source, stream: stream, partition: partition, at: now, in: db)
            }
            return result
        }
    }

    public func resetState(source: String, stream: String?) async throws(StoreError) {
        try await write("reset the sync state of \(source)") { db in
            try SyncStateTable.reset(source: source, stream: stream, in: db)
        }
    }

    public func syncStates(source: String?) async throws(StoreError) -> [SyncState] {
        try await read("read sync states") { db in try SyncStateTable.all(source: source, in: db) }
    }
}
