import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `audit_log` table.
enum AuditTable {
    static func append(_ entry: AuditEntry, in db: Database) throws {
        let details = try MessageCoding().encode(entry.details, what: "the details of audit entry '\(entry.action)'")
        try db.cachedStatement(
            sql: "INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [StoreTimestamp.string(from: entry.at), entry.actor, entry.action, entry.subject, details])
    }

    static func entries(subject: String, in db: Database) throws -> [AuditEntry] {
        let coding = MessageCoding()
        return try Row.fetchAll(
            db,
            sql: "SELECT at, actor, action, subject, details FROM audit_log WHERE subject = ? ORDER BY at, id",
            arguments: [subject]
        ).map { row in
            AuditEntry(
                at: try ProfileTable.date(row["at"], "at", "an audit entry"), actor: row["actor"],
                action: row["action"], subject: row["subject"],
                details: try coding.decodeJSON(row["details"], what: "an audit entry's details"))
        }
    }
}
