import Foundation
import GRDB
import KontorCore
import KontorStore

/// The SQL of settling one claimed job: delivered, back to the queue, or to the dead letters.
/// Retry and dead letter act only on a job `owner` still holds.
enum OutboxSettling {
    /// Deletes the delivered job and counts it in `delivery_totals`. Returns whether it applied.
    static func done(_ settlement: OutboxSettlement, now: Date, in db: Database) throws -> Bool {
        guard let destination = try String.fetchOne(
            db.cachedStatement(sql: "DELETE FROM outbox WHERE id = ? RETURNING destination"),
            arguments: [settlement.jobID])
        else { return false }
        try db.cachedStatement(
            sql: """
                INSERT INTO delivery_totals (destination, delivered, last_delivered_at) VALUES (?, 1, ?)
                ON CONFLICT (destination) DO UPDATE SET delivered = delivered + 1,
                    last_delivered_at = MAX(COALESCE(last_delivered_at, ''), excluded.last_delivered_at)
                """
        ).execute(arguments: [destination, StoreTimestamp.string(from: now)])
        return true
    }

    /// Stores the attempt and makes the job due at `at`, returning its lease. Returns whether it applied.
    static func retry(_ settlement: OutboxSettlement, at: Date, owner: String, now: Date, in db: Database) throws -> Bool {
        let next = StoreTimestamp.string(from: at)
        if let attempts = settlement.attempts {
            try db.cachedStatement(
                sql: """
                    UPDATE outbox SET attempts = ?, first_attempt_at = ?, last_attempt_at = ?, next_attempt_at = ?,
                        last_error = ?, lease_owner = NULL, lease_until = NULL
                    WHERE id = ? AND lease_owner = ?
                    """
            ).execute(arguments: [
                attempts.count, OutboxTable.text(attempts.firstAttemptAt), StoreTimestamp.string(from: now), next,
                settlement.error, settlement.jobID, owner,
            ])
        } else {
            try db.cachedStatement(
                sql: """
                    UPDATE outbox SET next_attempt_at = ?, last_error = COALESCE(?, last_error),
                        lease_owner = NULL, lease_until = NULL
                    WHERE id = ? AND lease_owner = ?
                    """
            ).execute(arguments: [next, settlement.error, settlement.jobID, owner])
        }
        return db.changesCount > 0
    }

    /// Moves the job to `dead_letters` with `reason`. Returns whether it applied.
    static func deadLetter(
        _ settlement: OutboxSettlement, reason: String, owner: String, now: Date, in db: Database
    ) throws -> Bool {
        let nowText = StoreTimestamp.string(from: now)
        let attempts = settlement.attempts
        try db.cachedStatement(
            sql: """
                INSERT INTO dead_letters (id, destination, profile_id, op, payload, payload_hash, idempotency_key,
                    attempts, first_attempt_at, last_attempt_at, last_error, created_at, dead_at)
                SELECT id, destination, profile_id, op, payload, payload_hash, idempotency_key,
                    COALESCE(?, attempts), COALESCE(?, first_attempt_at), CASE WHEN ? THEN ? ELSE last_attempt_at END,
                    ?, created_at, ?
                FROM outbox WHERE id = ? AND lease_owner = ?
                """
        ).execute(arguments: [
            attempts?.count, OutboxTable.text(attempts?.firstAttemptAt), attempts != nil, nowText,
            reason, nowText, settlement.jobID, owner,
        ])
        guard db.changesCount > 0 else { return false }
        try db.cachedStatement(sql: "DELETE FROM outbox WHERE id = ?").execute(arguments: [settlement.jobID])
        return true
    }
}
