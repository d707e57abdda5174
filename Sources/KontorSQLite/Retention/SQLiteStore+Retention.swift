import Foundation
import GRDB
import KontorStore

extension SQLiteStore: RetentionStore {
    public func deleteEvents(receivedBefore cutoff: Date, through seq: Int64, limit: Int) async throws(StoreError) -> Int {
        try RetentionTables.validate(limit: limit, "delete old events")
        let before = StoreTimestamp.string(from: cutoff)
        let retiredAt = StoreTimestamp.string(from: now())
        return try await write("delete old events") { db in
            try RetentionTables.deleteEvents(receivedBefore: before, through: seq, limit: limit, retiredAt: retiredAt, in: db)
        }
    }

    public func deleteDeadLetters(deadBefore cutoff: Date, limit: Int) async throws(StoreError) -> Int {
        try RetentionTables.validate(limit: limit, "delete old dead letters")
        let before = StoreTimestamp.string(from: cutoff)
        return try await write("delete old dead letters") { db in
            try db.execute(
                sql: """
                    DELETE FROM dead_letters WHERE id IN
                        (SELECT id FROM dead_letters WHERE dead_at < ? ORDER BY dead_at, id LIMIT ?)
                    """,
                arguments: [before, limit])
            return db.changesCount
        }
    }

    public func deleteRuns(finishedBefore cutoff: Date, limit: Int) async throws(StoreError) -> Int {
        try RetentionTables.validate(limit: limit, "delete old runs")
        let before = StoreTimestamp.string(from: cutoff)
        return try await write("delete old runs") { db in
            try db.execute(
                sql: """
                    DELETE FROM runs WHERE id IN (
                        SELECT id FROM runs
                        WHERE finished_at IS NOT NULL AND finished_at < ?
                            AND id NOT IN (SELECT MAX(id) FROM runs GROUP BY name)
                        ORDER BY id LIMIT ?)
                    """,
                arguments: [before, limit])
            return db.changesCount
        }
    }

    public func retiredEventCount() async throws(StoreError) -> Int {
        try await read("count retired events") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM retired_events") ?? 0
        }
    }
}

/// SQL of retention: deleting old events while remembering their keys.
enum RetentionTables {
    static func validate(limit: Int, _ action: String) throws(StoreError) {
        guard limit >= 1 else { throw StoreError(.invalidArgument, "cannot \(action): limit \(limit) is below 1") }
    }

    /// Moves the keys of the chosen events to `retired_events`, then deletes the events, in the caller's transaction.
    static func deleteEvents(
        receivedBefore cutoff: String, through seq: Int64, limit: Int, retiredAt: String, in db: Database
    ) throws -> Int {
        let chosen = "SELECT seq FROM events WHERE seq <= ? AND received_at < ? ORDER BY seq LIMIT ?"
        let arguments: StatementArguments = [seq, cutoff, limit]
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO retired_events (source, message_id, retired_at)
                SELECT source, message_id, ? FROM events WHERE seq IN (\(chosen))
                """,
            arguments: [retiredAt, seq, cutoff, limit])
        try db.execute(sql: "DELETE FROM events WHERE seq IN (\(chosen))", arguments: arguments)
        return db.changesCount
    }
}
