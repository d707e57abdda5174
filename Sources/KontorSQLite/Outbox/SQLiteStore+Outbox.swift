import Foundation
import GRDB
import KontorCore
import KontorStore

extension SQLiteStore: OutboxStore {
    public func commitPlan(
        destination: String, now: Date, planning: @Sendable ([DestinationStateEntry]) throws -> ActivationPlan
    ) async throws -> (plan: ActivationPlan, result: EnqueueResult) {
        guard !destination.isEmpty else { throw StoreError(.invalidArgument, "a plan needs a destination") }
        do {
            return try await writer.write { db in
                let coding = MessageCoding()
                let plan = try planning(try OutboxTable.state(destination: destination, coding: coding, in: db))
                var result = EnqueueResult()
                for job in plan.jobs {
                    guard job.destination == destination else {
                        throw StoreError(.invalidArgument, "a plan for '\(destination)' holds a job for '\(job.destination)'")
                    }
                    result = result + (try OutboxTable.enqueue(job, now: now, coding: coding, in: db))
                }
                for change in plan.stateChanges {
                    try OutboxTable.apply(change, destination: destination, now: now, coding: coding, in: db)
                }
                result.stateChanges = plan.stateChanges.count
                return (plan, result)
            }
        } catch let error as DatabaseError {
            throw StoreError.database("commit the plan of '\(destination)'", error)
        }
    }

    public func destinationState(destination: String) async throws(StoreError) -> [DestinationStateEntry] {
        try await read("read the destination state of '\(destination)'") { db in
            try OutboxTable.state(destination: destination, coding: MessageCoding(), in: db)
        }
    }

    /// One `UPDATE … RETURNING` picks and leases the jobs, so two workers never claim the same job.
    public func claim(
        destination: String, owner: String, limit: Int, leaseFor: TimeInterval, now: Date
    ) async throws(StoreError) -> [OutboxJob] {
        guard !owner.isEmpty else { throw StoreError(.invalidArgument, "a claim needs an owner") }
        guard limit >= 1 else { throw StoreError(.invalidArgument, "a claim needs a limit of at least 1, not \(limit)") }
        guard leaseFor > 0 else { throw StoreError(.invalidArgument, "a lease must last longer than 0 seconds") }
        let nowText = StoreTimestamp.string(from: now)
        let until = StoreTimestamp.string(from: now.addingTimeInterval(leaseFor))
        return try await write("claim jobs of '\(destination)'") { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        UPDATE outbox SET lease_owner = ?, lease_until = ?
                        WHERE id IN (
                            SELECT o.id FROM outbox o
                            WHERE o.destination = ? AND o.state = 'pending' AND o.next_attempt_at <= ?
                                AND (o.lease_owner IS NULL OR o.lease_until IS NULL OR o.lease_until <= ?)
                                AND NOT EXISTS (SELECT 1 FROM outbox p
                                    WHERE p.destination = o.destination AND p.profile_id = o.profile_id AND p.id < o.id)
                            ORDER BY o.next_attempt_at, o.id
                            LIMIT ?)
                        RETURNING \(OutboxTable.columns)
                        """),
                arguments: [owner, until, destination, nowText, nowText, limit])
            let coding = MessageCoding()
            return try rows.map { row throws(StoreError) in try OutboxTable.job(row, coding: coding) }
                .sorted { ($0.attempts.nextAttemptAt ?? now, $0.id) < ($1.attempts.nextAttemptAt ?? now, $1.id) }
        }
    }

    public func settle(_ settlements: [OutboxSettlement], owner: String, now: Date) async throws(StoreError) -> SettleResult {
        guard !settlements.isEmpty else { return SettleResult() }
        return try await write("settle \(settlements.count) outbox job(s)") { db in
            var result = SettleResult()
            for settlement in settlements {
                let applied: Bool
                switch settlement.decision {
                case .done:
                    applied = try OutboxSettling.done(settlement, now: now, in: db)
                    if applied { result.done += 1 }
                case .retry(let at):
                    applied = try OutboxSettling.retry(settlement, at: at, owner: owner, now: now, in: db)
                    if applied { result.retried += 1 }
                case .deadLetter(let reason):
                    applied = try OutboxSettling.deadLetter(settlement, reason: reason, owner: owner, now: now, in: db)
                    if applied { result.deadLettered += 1 }
                }
                if !applied { result.skipped += 1 }
            }
            return result
        }
    }

    public func release(owner: String) async throws(StoreError) -> Int {
        try await write("release the leases of '\(owner)'") { db in
            try db.execute(
                sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", arguments: [owner])
            return db.changesCount
        }
    }

    public func list(destination: String?, state: OutboxJobState, limit: Int) async throws(StoreError) -> [OutboxJob] {
        guard limit >= 1 else { throw StoreError(.invalidArgument, "a list needs a limit of at least 1, not \(limit)") }
        return try await read("list \(state.rawValue) jobs") { db in
            let coding = MessageCoding()
            switch state {
            case .pending:
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(OutboxTable.columns) FROM outbox WHERE (? IS NULL OR destination = ?)
                        ORDER BY next_attempt_at, id LIMIT ?
                        """,
                    arguments: [destination, destination, limit])
                return try rows.map { row throws(StoreError) in try OutboxTable.job(row, coding: coding) }
            case .dead:
                return try DeadLetterTable.list(destination: destination, limit: limit, coding: coding, in: db)
            }
        }
    }

    public func replay(_ filter: OutboxFilter, now: Date) async throws(StoreError) -> ReplayResult {
        guard filter.state == .dead else {
            throw StoreError(.invalidArgument, "only dead jobs can be replayed; pending jobs are delivered already")
        }
        return try await write("replay dead jobs of '\(filter.destination)'") { db in
            try DeadLetterTable.replay(filter, now: now, in: db)
        }
    }

    public func purge(_ filter: OutboxFilter) async throws(StoreError) -> Int {
        try await write("purge \(filter.state.rawValue) jobs of '\(filter.destination)'") { db in
            let (table, timeColumn) = filter.state == .pending ? ("outbox", "created_at") : ("dead_letters", "dead_at")
            let (condition, arguments) = DeadLetterTable.condition(filter, timeColumn: timeColumn)
            try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)", arguments: arguments)
            return db.changesCount
        }
    }

    public func outboxCounts(now: Date) async throws(StoreError) -> [OutboxCounts] {
        let nowText = StoreTimestamp.string(from: now)
        return try await read("count outbox jobs") { db in
            var counts: [String: OutboxCounts] = [:]
            let pending = try Row.fetchAll(
                db,
                sql: """
                    SELECT destination, COUNT(*) AS pending,
                        SUM(CASE WHEN lease_owner IS NOT NULL AND lease_until > ? THEN 1 ELSE 0 END) AS leased,
                        SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS retrying, MIN(created_at) AS oldest
                    FROM outbox GROUP BY destination
                    """,
                arguments: [nowText])
            for row in pending {
                let destination: String = row["destination"]
                counts[destination] = OutboxCounts(
                    destination: destination, pending: row["pending"], leased: row["leased"], retrying: row["retrying"],
                    oldestPendingAt: OutboxTable.date(row["oldest"]))
            }
            let dead = try Row.fetchAll(
                db, sql: "SELECT destination, COUNT(*) AS dead FROM dead_letters WHERE replayed_at IS NULL GROUP BY destination")
            for row in dead {
                let destination: String = row["destination"]
                counts[destination, default: OutboxCounts(destination: destination)].dead = row["dead"]
            }
            return counts.values.sorted { $0.destination < $1.destination }
        }
    }

    public func deliveryTotals() async throws(StoreError) -> [DeliveryTotals] {
        try await read("read the delivery totals") { db in
            try Row.fetchAll(
                db, sql: "SELECT destination, delivered, last_delivered_at FROM delivery_totals ORDER BY destination"
            ).map { row in
                DeliveryTotals(
                    destination: row["destination"], delivered: row["delivered"],
                    lastDeliveredAt: OutboxTable.date(row["last_delivered_at"]))
            }
        }
    }
}
