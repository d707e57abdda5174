import Foundation
import GRDB
import KontorStore

extension SQLiteStore {
    public func startRun(kind: RunKind, name: String, at: Date) async throws(StoreError) -> RunID {
        guard !name.isEmpty else { throw StoreError(.invalidArgument, "cannot start a run without a name") }
        let started = StoreTimestamp.string(from: at)
        return try await write("start a run of '\(name)'") { db in
            try db.execute(
                sql: "INSERT INTO runs (kind, name, started_at, status, counts) VALUES (?, ?, ?, ?, '{}')",
                arguments: [kind.rawValue, name, started, RunStatus.running.rawValue])
            return RunID(db.lastInsertedRowID)
        }
    }

    public func finishRun(_ id: RunID, status: RunStatus, counts: [String: Int], error: String?, at: Date)
        async throws(StoreError)
    {
        guard status != .running else {
            throw StoreError(.invalidArgument, "cannot finish run \(id) with status 'running'")
        }
        let countsText = try MessageCoding().encodeValue(counts, what: "the counts of run \(id)")
        let finished = StoreTimestamp.string(from: at)
        try await write("finish run \(id)") { db in
            let current = try String.fetchOne(db, sql: "SELECT status FROM runs WHERE id = ?", arguments: [id.rawValue])
            guard let current else { throw StoreError(.notFound, "there is no run \(id)") }
            guard current == RunStatus.running.rawValue else {
                throw StoreError(.conflict, "run \(id) already finished with status '\(current)'")
            }
            try db.execute(
                sql: "UPDATE runs SET status = ?, counts = ?, error = ?, finished_at = ? WHERE id = ?",
                arguments: [status.rawValue, countsText, error, finished, id.rawValue])
        }
    }

    public func recentRuns(name: String?, limit: Int) async throws(StoreError) -> [RunRecord] {
        guard limit >= 0 else { throw StoreError(.invalidArgument, "cannot list runs: limit \(limit) is negative") }
        return try await read("list recent runs") { db in
            let columns = "SELECT id, kind, name, started_at, finished_at, status, counts, error FROM runs"
            let order = " ORDER BY started_at DESC, id DESC LIMIT ?"
            let rows =
                if let name {
                    try Row.fetchAll(db, sql: columns + " WHERE name = ?" + order, arguments: [name, limit])
                } else {
                    try Row.fetchAll(db, sql: columns + order, arguments: [limit])
                }
            return try rows.map(Self.runRecord)
        }
    }

    public func lastRun(name: String) async throws(StoreError) -> RunRecord? {
        try await recentRuns(name: name, limit: 1).first
    }

    private static func runRecord(_ row: Row) throws -> RunRecord {
        let id = RunID(row["id"])
        let statusText: String = row["status"]
        guard let status = RunStatus(rawValue: statusText) else {
            throw StoreError(.decoding, "run \(id) has an unknown status '\(statusText)'")
        }
        let startedText: String = row["started_at"]
        guard let startedAt = StoreTimestamp.date(from: startedText) else {
            throw StoreError(.decoding, "run \(id) has an unreadable started_at '\(startedText)'")
        }
        let finishedText: String? = row["finished_at"]
        let counts = try MessageCoding().decodeValue(
            [String: Int].self, from: row["counts"], what: "the counts of run \(id)")
        return RunRecord(
            id: id, kind: RunKind(rawValue: row["kind"]), name: row["name"], startedAt: startedAt,
            finishedAt: finishedText.flatMap(StoreTimestamp.date(from:)), status: status, counts: counts,
            error: row["error"])
    }
}
