import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `merges` table: one row per merge record. `from_profile_id`
/// holds the first absorbed profile; `snapshot` the whole record.
enum MergeTable {
    static func record(_ record: MergeRecord, in db: Database) throws -> MergeID {
        guard let first = record.absorbed.first else {
            throw StoreError(.invalidArgument, "merge by message '\(record.messageID)' absorbs no profile")
        }
        let snapshot = try MessageCoding().encodeValue(record, what: "the merge by message '\(record.messageID)'")
        try db.execute(
            sql: """
                INSERT INTO merges (into_profile_id, from_profile_id, reason, snapshot, merged_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [record.survivor.id, first.id, record.summary, snapshot, StoreTimestamp.string(from: record.at)])
        return MergeID(db.lastInsertedRowID)
    }

    static func markUnmerged(_ id: MergeID, at: Date, in db: Database) throws {
        try db.execute(
            sql: "UPDATE merges SET unmerged_at = ? WHERE id = ? AND unmerged_at IS NULL",
            arguments: [StoreTimestamp.string(from: at), id.rawValue])
        guard db.changesCount == 1 else {
            throw StoreError(.conflict, "merge \(id) does not exist or was already undone")
        }
    }

    static func merge(_ id: MergeID, in db: Database) throws -> StoredMerge? {
        try Row.fetchOne(
            db, sql: "SELECT id, snapshot, unmerged_at FROM merges WHERE id = ?", arguments: [id.rawValue]
        ).map(decode)
    }

    static func merges(involving profiles: Set<ProfileID>, in db: Database) throws -> [StoredMerge] {
        var found: [MergeID: StoredMerge] = [:]
        for chunk in SQLList.chunks(profiles.sorted()) {
            let list = SQLList.placeholders(chunk.count)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, snapshot, unmerged_at FROM merges
                    WHERE into_profile_id IN (\(list)) OR from_profile_id IN (\(list))
                        OR into_profile_id IN (SELECT merged_into FROM profiles WHERE id IN (\(list)))
                    """,
                arguments: StatementArguments(Array(chunk) + Array(chunk) + Array(chunk)))
            for row in rows {
                let merge = try decode(row)
                if profiles.contains(merge.into) || merge.absorbed.contains(where: profiles.contains) {
                    found[merge.id] = merge
                }
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }

    private static func decode(_ row: Row) throws -> StoredMerge {
        let id = MergeID(row["id"] as Int64)
        let record = try MessageCoding().decodeValue(MergeRecord.self, from: row["snapshot"], what: "merge \(id)")
        let unmerged: String? = row["unmerged_at"]
        return StoredMerge(id: id, record: record, unmergedAt: try unmerged.map { text throws(StoreError) in
            try ProfileTable.date(text, "unmerged_at", "merge \(id)")
        })
    }
}
