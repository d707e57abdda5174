import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `profile_events` table, and of reading events by `seq`.
enum ProfileEventTable {
    static func attribute(_ event: AttributedEvent, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO profile_events (seq, message_id, profile_id) VALUES (?, ?, ?)
                ON CONFLICT (seq) DO UPDATE SET profile_id = excluded.profile_id, message_id = excluded.message_id
                """
        ).execute(arguments: [event.seq, event.messageID, event.profile])
    }

    static func events(of profiles: Set<ProfileID>, in db: Database) throws -> [AttributedEvent] {
        var events: [AttributedEvent] = []
        for chunk in SQLList.chunks(profiles.sorted()) {
            events += try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, message_id, profile_id FROM profile_events
                    WHERE profile_id IN (\(SQLList.placeholders(chunk.count))) ORDER BY seq
                    """,
                arguments: StatementArguments(chunk)
            ).map { AttributedEvent(seq: $0["seq"], messageID: $0["message_id"], profile: $0["profile_id"]) }
        }
        return events.sorted { $0.seq < $1.seq }
    }

    static func stored(seqs: [Int64], in db: Database) throws -> [StoredEvent] {
        let coding = MessageCoding()
        var events: [StoredEvent] = []
        for chunk in SQLList.chunks(seqs) {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, source, payload, received_at FROM events
                    WHERE seq IN (\(SQLList.placeholders(chunk.count))) ORDER BY seq
                    """,
                arguments: StatementArguments(chunk))
            for row in rows {
                let seq: Int64 = row["seq"]
                events.append(StoredEvent(
                    seq: seq, source: row["source"], message: try coding.decodeMessage(row["payload"]),
                    receivedAt: try ProfileTable.date(row["received_at"], "received_at", "event \(seq)")))
            }
        }
        return events.sorted { $0.seq < $1.seq }
    }
}
