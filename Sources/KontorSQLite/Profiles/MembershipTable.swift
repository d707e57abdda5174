import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `memberships` table: one row per stay of a profile in a segment.
enum MembershipTable {
    static func apply(_ changes: [MembershipChange], in db: Database) throws {
        let enter = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO memberships (segment, profile_id, entered_at, reason) VALUES (?, ?, ?, ?)")
        let exit = try db.cachedStatement(
            sql: """
                UPDATE memberships SET exited_at = ?, exit_reason = ?, detail = ?
                WHERE segment = ? AND profile_id = ? AND exited_at IS NULL
                """)
        for change in changes {
            let at = StoreTimestamp.string(from: change.at)
            switch change.direction {
            case .entered:
                try enter.execute(arguments: [change.segment, change.profile, at, change.reason.rawValue])
            case .exited:
                try exit.execute(arguments: [at, change.reason.rawValue, change.detail, change.segment, change.profile])
            }
        }
    }

    static func stays(of profile: ProfileID, in db: Database) throws -> [MembershipStay] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT segment, profile_id, entered_at, reason, exited_at, exit_reason, detail FROM memberships
                WHERE profile_id = ? ORDER BY entered_at, id
                """,
            arguments: [profile]
        ).map { row in
            let what = "a membership of profile '\(profile)'"
            let exited: String? = row["exited_at"]
            let exitReason: String? = row["exit_reason"]
            return MembershipStay(
                segment: row["segment"], profile: row["profile_id"],
                enteredAt: try ProfileTable.date(row["entered_at"], "entered_at", what),
                enterReason: MembershipReason(rawValue: row["reason"] ?? "") ?? .ruleMatched,
                exitedAt: try exited.map { text throws(StoreError) in try ProfileTable.date(text, "exited_at", what) },
                exitReason: exitReason.flatMap(MembershipReason.init(rawValue:)),
                detail: row["detail"])
        }
    }

    static func openSegments(of profiles: [ProfileID], in db: Database) throws -> [ProfileID: Set<String>] {
        var result: [ProfileID: Set<String>] = [:]
        for chunk in SQLList.chunks(profiles) {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT profile_id, segment FROM memberships
                    WHERE exited_at IS NULL AND profile_id IN (\(SQLList.placeholders(chunk.count)))
                    """,
                arguments: StatementArguments(chunk))
            for row in rows { result[row["profile_id"], default: []].insert(row["segment"]) }
        }
        return result
    }

    static func members(of segment: String, limit: Int, in db: Database) throws -> [ProfileID] {
        try ProfileTable.validate(limit: limit, "list the members of '\(segment)'")
        return try String.fetchAll(
            db,
            sql: "SELECT profile_id FROM memberships WHERE segment = ? AND exited_at IS NULL ORDER BY profile_id LIMIT ?",
            arguments: [segment, limit])
    }

    static func sizes(in db: Database) throws -> [String: Int] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT segment, COUNT(*) AS size FROM memberships WHERE exited_at IS NULL GROUP BY segment")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["segment"], $0["size"]) })
    }
}
