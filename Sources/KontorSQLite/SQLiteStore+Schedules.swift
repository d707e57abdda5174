import Foundation
import GRDB
import KontorStore

extension SQLiteStore {
    public func nextRunAt(name: String) async throws(StoreError) -> Date? {
        try await read("read the next run of '\(name)'") { db in
            try String.fetchOne(db, sql: "SELECT next_run_at FROM schedules WHERE name = ?", arguments: [name])
                .flatMap(StoreTimestamp.date(from:))
        }
    }

    public func setNextRun(name: String, at: Date?) async throws(StoreError) {
        guard !name.isEmpty else { throw StoreError(.invalidArgument, "a schedule needs a name") }
        let next = at.map(StoreTimestamp.string(from:))
        try await write("set the next run of '\(name)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO schedules (name, next_run_at) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET next_run_at = excluded.next_run_at
                    """,
                arguments: [name, next])
        }
    }

    /// One statement decides and takes the lease, so two processes racing for
    /// it cannot both win.
    public func acquireLease(name: String, owner: String, until: Date, now: Date) async throws(StoreError) -> Bool {
        guard !name.isEmpty, !owner.isEmpty else {
            throw StoreError(.invalidArgument, "a lease needs a schedule name and an owner")
        }
        guard until > now else {
            throw StoreError(.invalidArgument, "cannot lease '\(name)' until a time that is not after now")
        }
        let untilText = StoreTimestamp.string(from: until)
        let nowText = StoreTimestamp.string(from: now)
        return try await write("lease '\(name)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO schedules (name, lease_owner, lease_until) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
                    WHERE schedules.lease_owner IS NULL OR schedules.lease_owner = excluded.lease_owner
                        OR schedules.lease_until IS NULL OR schedules.lease_until <= ?
                    """,
                arguments: [name, owner, untilText, nowText])
            return db.changesCount > 0
        }
    }

    public func releaseLease(name: String, owner: String) async throws(StoreError) -> Bool {
        try await write("release the lease of '\(name)'") { db in
            try db.execute(
                sql: "UPDATE schedules SET lease_owner = NULL, lease_until = NULL WHERE name = ? AND lease_owner = ?",
                arguments: [name, owner])
            return db.changesCount > 0
        }
    }

    public func schedules() async throws(StoreError) -> [ScheduleState] {
        try await read("list schedules") { db in
            try Row.fetchAll(db, sql: "SELECT name, next_run_at, lease_owner, lease_until FROM schedules ORDER BY name")
                .map { row in
                    ScheduleState(
                        name: row["name"],
                        nextRunAt: (row["next_run_at"] as String?).flatMap(StoreTimestamp.date(from:)),
                        leaseOwner: row["lease_owner"],
                        leaseUntil: (row["lease_until"] as String?).flatMap(StoreTimestamp.date(from:)))
                }
        }
    }
}
