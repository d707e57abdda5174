import Foundation
import GRDB
import KontorCore
import KontorStore

/// A message ready for the `events` table: validated and encoded outside the writer.
struct EventRow: Sendable {
    var source: String
    var messageId: String
    var type: String
    var userId: String?
    var anonymousId: String?
    var payload: String
    var timestamp: String
    var receivedAt: String
}

/// SQL of the `events` table, shared by the store and its transactions.
enum EventTable {
    /// Validates and encodes `messages`; nothing is written.
    static func rows(for messages: [Message], source: String, now: Date) throws(StoreError) -> [EventRow] {
        guard !source.isEmpty else {
            throw StoreError(.invalidArgument, "cannot append events: the source name is empty")
        }
        let coding = MessageCoding()
        var rows: [EventRow] = []
        rows.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            guard !message.messageId.isEmpty else {
                throw StoreError(
                    .invalidArgument,
                    "cannot append events from '\(source)': message \(index + 1) of \(messages.count) has an empty messageId")
            }
            rows.append(
                EventRow(
                    source: source, messageId: message.messageId, type: message.type.rawValue,
                    userId: message.userId, anonymousId: message.anonymousId,
                    payload: try coding.encode(message),
                    timestamp: StoreTimestamp.string(from: message.timestamp),
                    receivedAt: StoreTimestamp.string(from: message.receivedAt ?? now)))
        }
        return rows
    }

    /// Inserts the rows whose `(source, message_id)` is new; counts the others as duplicates,
    /// including those of events retention deleted (`retired_events`).
    static func insert(_ rows: [EventRow], in db: Database) throws -> AppendResult {
        guard !rows.isEmpty else { return AppendResult() }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO events (source, message_id, type, user_id, anonymous_id, payload, timestamp, received_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM retired_events WHERE source = ? AND message_id = ?)
                ON CONFLICT (source, message_id) DO NOTHING
                """)
        var result = AppendResult()
        for row in rows {
            try statement.execute(arguments: [
                row.source, row.messageId, row.type, row.userId, row.anonymousId, row.payload, row.timestamp,
                row.receivedAt, row.source, row.messageId,
            ])
            if db.changesCount > 0 {
                result.inserted += 1
                result.seqs.append(db.lastInsertedRowID)
            } else {
                result.duplicates += 1
            }
        }
        return result
    }

    static func read(after seq: Int64, limit: Int, in db: Database) throws -> [StoredEvent] {
        guard limit >= 0 else {
            throw StoreError(.invalidArgument, "cannot read events: limit \(limit) is negative")
        }
        let coding = MessageCoding()
        let rows = try Row.fetchAll(
            db, sql: "SELECT seq, source, payload, received_at FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
            arguments: [seq, limit])
        return try rows.map { row in
            let seq: Int64 = row["seq"]
            let receivedText: String = row["received_at"]
            guard let receivedAt = StoreTimestamp.date(from: receivedText) else {
                throw StoreError(.decoding, "event \(seq) has an unreadable received_at '\(receivedText)'")
            }
            let message = try coding.decodeMessage(row["payload"])
            return StoredEvent(seq: seq, source: row["source"], message: message, receivedAt: receivedAt)
        }
    }

    static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
    }

    /// The highest seq ever assigned: AUTOINCREMENT remembers it in `sqlite_sequence`.
    static func lastSeq(in db: Database) throws -> Int64 {
        let remembered = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        return remembered ?? 0
    }
}
