import Foundation
import GRDB
import KontorCore
import KontorStore

extension SQLiteStore {
    public func append(_ messages: [Message], source: String) async throws(StoreError) -> AppendResult {
        let rows = try EventTable.rows(for: messages, source: source, now: now())
        guard !rows.isEmpty else { return AppendResult() }
        return try await write("append events from '\(source)'") { db in
            try EventTable.insert(rows, in: db)
        }
    }

    public func read(after seq: Int64, limit: Int) async throws(StoreError) -> [StoredEvent] {
        try await read("read events") { db in
            try EventTable.read(after: seq, limit: limit, in: db)
        }
    }

    public func count() async throws(StoreError) -> Int {
        try await read("count events") { db in try EventTable.count(in: db) }
    }

    public func lastSeq() async throws(StoreError) -> Int64 {
        try await read("read the last event seq") { db in try EventTable.lastSeq(in: db) }
    }
}
