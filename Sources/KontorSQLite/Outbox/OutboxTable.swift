import Foundation
import GRDB
import KontorCore
import KontorStore

/// The SQL of the `outbox` and `destination_state` tables, run inside a GRDB
/// transaction the caller opened.
enum OutboxTable {
    static let columns = """
        id, destination, profile_id, op, payload, payload_hash, idempotency_key, attempts, first_attempt_at,
        last_attempt_at, next_attempt_at, lease_owner, lease_until, last_error, created_at
        """

    /// A pending job read from a row with ``columns``.
    static func job(_ row: Row, coding: MessageCoding) throws(StoreError) -> OutboxJob {
        let id: Int64 = row["id"]
        let opText: String = row["op"]
        guard let operation = OutboxOperation(rawValue: opText) else {
            throw StoreError(.decoding, "outbox job \(id) has an unknown operation '\(opText)'")
        }
        let payload = try coding.decodeJSON(row["payload"], what: "the payload of outbox job \(id)")
        return OutboxJob(
            id: id, destination: row["destination"], profileID: row["profile_id"], operation: operation,
            payload: payload, payloadHash: row["payload_hash"], idempotencyKey: row["idempotency_key"], state: .pending,
            attempts: DeliveryAttempts(
                count: row["attempts"], firstAttemptAt: date(row["first_attempt_at"]),
                nextAttemptAt: date(row["next_attempt_at"])),
            lastAttemptAt: date(row["last_attempt_at"]), leaseOwner: row["lease_owner"],
            leaseUntil: date(row["lease_until"]), lastError: row["last_error"],
            enqueuedAt: date(row["created_at"]) ?? Date(timeIntervalSince1970: 0))
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap(StoreTimestamp.date(from:))
    }

    static func text(_ date: Date?) -> String? {
        date.map(StoreTimestamp.string(from:))
    }

    /// Enqueues one job: deletes the profile's older pending jobs no worker holds (keeping one with
    /// the same key, which makes the job a duplicate), turns an `update` that supersedes an unsent
    /// `add` into an `add`, and inserts the job unless its key is pending already.
    static func enqueue(
        _ job: PlannedJob, attempts: DeliveryAttempts = .none, now: Date, coding: MessageCoding, in db: Database
    ) throws -> EnqueueResult {
        let nowText = StoreTimestamp.string(from: now)
        var job = job
        var result = EnqueueResult()
        let unleased = "(lease_owner IS NULL OR lease_until IS NULL OR lease_until <= ?)"
        let older = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, op, idempotency_key FROM outbox WHERE destination = ? AND profile_id = ? AND \(unleased)"),
            arguments: [job.destination, job.profileID, nowText])
        if job.operation == .update, older.contains(where: { ($0["op"] as String) == OutboxOperation.add.rawValue }) {
            job = PlannedJob(
                destination: job.destination, profileID: job.profileID, operation: .add, payload: job.payload,
                payloadHash: job.payloadHash)
        }
        let doomed = older.filter { ($0["idempotency_key"] as String) != job.idempotencyKey }.map { $0["id"] as Int64 }
        if !doomed.isEmpty {
            try db.execute(sql: "DELETE FROM outbox WHERE id IN (\(placeholders(doomed.count)))", arguments: StatementArguments(doomed))
            result.superseded = doomed.count
        }
        let payload = try coding.encode(job.payload, what: "the payload of profile '\(job.profileID)'")
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (destination, profile_id, op, payload, payload_hash, idempotency_key, attempts,
                    first_attempt_at, next_attempt_at, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                """
        ).execute(
            arguments: [
                job.destination, job.profileID, job.operation.rawValue, payload, job.payloadHash, job.idempotencyKey,
                attempts.count, text(attempts.firstAttemptAt), text(attempts.nextAttemptAt) ?? nowText, nowText,
            ])
        if db.changesCount > 0 { result.enqueued = 1 } else { result.duplicates = 1 }
        return result
    }

    /// The destination's state rows, by profile id.
    static func state(destination: String, coding: MessageCoding, in db: Database) throws -> [DestinationStateEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT profile_id, payload_hash, payload FROM destination_state WHERE destination = ? ORDER BY profile_id",
            arguments: [destination]
        ).map { row in
            let profileID: String = row["profile_id"]
            let payload = try coding.decodeJSON(row["payload"], what: "the destination state of profile '\(profileID)'")
            return DestinationStateEntry(profileID: profileID, payloadHash: row["payload_hash"], payload: payload)
        }
    }

    /// The payload hash the destination holds for one profile, or `nil`.
    static func heldHash(destination: String, profileID: String, in db: Database) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT payload_hash FROM destination_state WHERE destination = ? AND profile_id = ?",
            arguments: [destination, profileID])
    }

    /// Writes one state change.
    static func apply(_ change: DestinationStateChange, destination: String, now: Date, coding: MessageCoding, in db: Database) throws {
        switch change {
        case .put(let entry):
            let payload = try coding.encode(entry.payload, what: "the destination state of profile '\(entry.profileID)'")
            try db.cachedStatement(
                sql: """
                    INSERT INTO destination_state (destination, profile_id, payload_hash, payload, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (destination, profile_id) DO UPDATE SET
                        payload_hash = excluded.payload_hash, payload = excluded.payload, updated_at = excluded.updated_at
                    """
            ).execute(
                arguments: [destination, entry.profileID, entry.payloadHash, payload, StoreTimestamp.string(from: now)])
        case .delete(let profileID):
            try db.cachedStatement(sql: "DELETE FROM destination_state WHERE destination = ? AND profile_id = ?")
                .execute(arguments: [destination, profileID])
        }
    }

    /// `?, ?, ?` for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
