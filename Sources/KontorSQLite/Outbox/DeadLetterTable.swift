import Foundation
import GRDB
import KontorCore
import KontorStore

/// The SQL of the `dead_letters` table: listing, the filters of replay and purge, and replay.
enum DeadLetterTable {
    static let columns = """
        id, destination, profile_id, op, payload, payload_hash, idempotency_key, attempts, first_attempt_at,
        last_attempt_at, last_error, created_at, dead_at
        """

    /// Dead letters not replayed, newest first.
    static func list(destination: String?, limit: Int, coding: MessageCoding, in db: Database) throws -> [OutboxJob] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(columns) FROM dead_letters WHERE replayed_at IS NULL AND (? IS NULL OR destination = ?)
                ORDER BY dead_at DESC, id DESC LIMIT ?
                """,
            arguments: [destination, destination, limit]
        ).map { row in try job(row, coding: coding) }
    }

    static func job(_ row: Row, coding: MessageCoding) throws(StoreError) -> OutboxJob {
        let id: Int64 = row["id"]
        let opText: String = row["op"]
        guard let operation = OutboxOperation(rawValue: opText) else {
            throw StoreError(.decoding, "dead letter \(id) has an unknown operation '\(opText)'")
        }
        return OutboxJob(
            id: id, destination: row["destination"], profileID: row["profile_id"], operation: operation,
            payload: try coding.decodeJSON(row["payload"], what: "the payload of dead letter \(id)"),
            payloadHash: row["payload_hash"], idempotencyKey: row["idempotency_key"], state: .dead,
            attempts: DeliveryAttempts(count: row["attempts"], firstAttemptAt: OutboxTable.date(row["first_attempt_at"])),
            lastAttemptAt: OutboxTable.date(row["last_attempt_at"]), lastError: row["last_error"],
            enqueuedAt: OutboxTable.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
            deadAt: OutboxTable.date(row["dead_at"]))
    }

    /// The `WHERE` condition of a filter over `outbox` or `dead_letters` (then only rows not replayed).
    static func condition(_ filter: OutboxFilter, timeColumn: String) -> (String, StatementArguments) {
        var parts = ["destination = ?"]
        var arguments: StatementArguments = [filter.destination]
        if filter.state == .dead { parts.append("replayed_at IS NULL") }
        if let since = filter.since {
            parts.append("\(timeColumn) >= ?")
            arguments += [StoreTimestamp.string(from: since)]
        }
        if let text = filter.errorContains, !text.isEmpty {
            parts.append("instr(lower(COALESCE(last_error, '')), lower(?)) > 0")
            arguments += [text]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    /// Puts the selected dead letters back in the queue (oldest first), skipping stale ones.
    static func replay(_ filter: OutboxFilter, now: Date, in db: Database) throws -> ReplayResult {
        let (condition, arguments) = condition(filter, timeColumn: "dead_at")
        let coding = MessageCoding()
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM dead_letters WHERE \(condition) ORDER BY id", arguments: arguments)
        var result = ReplayResult()
        for row in rows {
            let dead = try job(row, coding: coding)
            guard try isCurrent(dead, in: db) else {
                result.stale += 1
                continue
            }
            let planned = PlannedJob(
                destination: dead.destination, profileID: dead.profileID, operation: dead.operation,
                payload: dead.payload, payloadHash: dead.payloadHash)
            let enqueued = try OutboxTable.enqueue(
                planned, attempts: .replayed(at: now), now: now, coding: coding, in: db)
            if enqueued.enqueued > 0 { result.replayed += 1 } else { result.alreadyPending += 1 }
            try db.execute(
                sql: "UPDATE dead_letters SET replayed_at = ? WHERE id = ?",
                arguments: [StoreTimestamp.string(from: now), dead.id])
        }
        return result
    }

    /// Whether a dead job still says what `destination_state` holds: an add or update with the
    /// held payload, a remove of a profile no longer held. Erasures always are.
    private static func isCurrent(_ job: OutboxJob, in db: Database) throws -> Bool {
        let held = try OutboxTable.heldHash(destination: job.destination, profileID: job.profileID, in: db)
        switch job.operation {
        case .add, .update: return held == job.payloadHash
        case .remove: return held == nil
        case .erase: return true
        }
    }
}
