import Foundation
import GRDB
import KontorCore
import KontorStore

/// The ``StoreTransaction`` of a SQLite store: the operations over one open
/// GRDB write transaction.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let now: Date

    func append(_ messages: [Message], source: String) throws(StoreError) -> AppendResult {
        let rows = try EventTable.rows(for: messages, source: source, now: now)
        return try run("append events from '\(source)'") { try EventTable.insert(rows, in: db) }
    }

    func read(after seq: Int64, limit: Int) throws(StoreError) -> [StoredEvent] {
        try run("read events") { try EventTable.read(after: seq, limit: limit, in: db) }
    }

    func cursor(source: String, stream: String, partition: String) throws(StoreError) -> JSONValue? {
        try run("read the cursor of \(source).\(stream)") {
            try SyncStateTable.cursor(source: source, stream: stream, partition: partition, in: db)
        }
    }

    func setCursor(_ cursor: JSONValue, source: String, stream: String, partition: String) throws(StoreError) {
        try SyncStateTable.validate(source: source, stream: stream)
        let text = try SyncStateTable.encode(cursor, source: source, stream: stream)
        try run("set the cursor of \(source).\(stream)") {
            try SyncStateTable.set(text, source: source, stream: stream, partition: partition, at: now, in: db)
        }
    }

    func position(consumer: String) throws(StoreError) -> Int64 {
        try run("read the position of '\(consumer)'") { try PositionTable.position(consumer: consumer, in: db) }
    }

    func setPosition(_ position: Int64, consumer: String) throws(StoreError) {
        try PositionTable.validate(position, consumer: consumer)
        try run("set the position of '\(consumer)'") {
            try PositionTable.set(position, consumer: consumer, at: now, in: db)
        }
    }

    private func run<T>(_ action: String, _ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch {
            throw StoreError.wrapping(error, action: action)
        }
    }
}
