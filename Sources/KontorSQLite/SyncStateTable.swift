import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `sync_state` table, shared by the store and its transactions.
enum SyncStateTable {
    static func validate(source: String, stream: String) throws(StoreError) {
        guard !source.isEmpty, !stream.isEmpty else {
            throw StoreError(.invalidArgument, "sync state needs a source and a stream name (got '\(source)', '\(stream)')")
        }
    }

    static func encode(_ cursor: JSONValue, source: String, stream: String) throws(StoreError) -> String {
        try MessageCoding().encode(cursor, what: "the cursor of \(source).\(stream)")
    }

    static func cursor(source: String, stream: String, partition: String, in db: Database) throws -> JSONValue? {
        let text = try String.fetchOne(
            db, sql: "SELECT cursor FROM sync_state WHERE source = ? AND stream = ? AND partition_key = ?",
            arguments: [source, stream, partition])
        guard let text else { return nil }
        return try MessageCoding().decodeJSON(text, what: "the cursor of \(source).\(stream)")
    }

    static func set(
        _ cursorText: String, source: String, stream: String, partition: String, at now: Date, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_state (source, stream, partition_key, cursor, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source, stream, partition_key)
                DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
                """,
            arguments: [source, stream, partition, cursorText, StoreTimestamp.string(from: now)])
    }

    static func reset(source: String, stream: String?, in db: Database) throws {
        if let stream {
            try db.execute(sql: "DELETE FROM sync_state WHERE source = ? AND stream = ?", arguments: [source, stream])
        } else {
            try db.execute(sql: "DELETE FROM sync_state WHERE source = ?", arguments: [source])
        }
    }

    static func all(source: String?, in db: Database) throws -> [SyncState] {
        let coding = MessageCoding()
        let sql = "SELECT source, stream, partition_key, cursor, updated_at FROM sync_state"
        let order = " ORDER BY source, stream, partition_key"
        let rows =
            if let source {
                try Row.fetchAll(db, sql: sql + " WHERE source = ?" + order, arguments: [source])
            } else {
                try Row.fetchAll(db, sql: sql + order)
            }
        return try rows.map { row in
            let source: String = row["source"]
            let stream: String = row["stream"]
            let cursor = try coding.decodeJSON(row["cursor"], what: "the cursor of \(source).\(stream)")
            return SyncState(
                source: source, stream: stream, partition: row["partition_key"], cursor: cursor,
                updatedAt: StoreTimestamp.date(from: row["updated_at"]) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
