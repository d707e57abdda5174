import Foundation
import GRDB
import KontorStore

/// SQL of the `consumer_positions` table, shared by the store and its transactions.
enum PositionTable {
    static func position(consumer: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT position FROM consumer_positions WHERE consumer = ?", arguments: [consumer])
            ?? 0
    }

    static func validate(_ position: Int64, consumer: String) throws(StoreError) {
        guard !consumer.isEmpty else { throw StoreError(.invalidArgument, "a consumer position needs a consumer name") }
        guard position >= 0 else {
            throw StoreError(.invalidArgument, "cannot set the position of '\(consumer)' to \(position): it is negative")
        }
    }

    static func set(_ position: Int64, consumer: String, at now: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO consumer_positions (consumer, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """,
            arguments: [consumer, position, StoreTimestamp.string(from: now)])
    }
}
