import Foundation
import KontorCore
import KontorStore

extension OutboxConformance {
    /// Retries keep the job with its attempts; dead letters move it with the reason.
    public func checkSettleRetryAndDeadLetter() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        let jobs = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(1))
        let attempts = DeliveryAttempts(count: 1, firstAttemptAt: Self.at(1))
        let result = try await store.settle([
            OutboxSettlement(jobID: jobs[0].id, decision: .done, attempts: attempts),
            OutboxSettlement(jobID: jobs[1].id, decision: .retry(at: Self.at(30)), attempts: attempts, error: "HTTP 429"),
            OutboxSettlement(jobID: jobs[2].id, decision: .deadLetter(reason: "rejected: invalid email"), attempts: attempts),
        ], owner: "a", now: Self.at(2))
        try expectEqual(result, SettleResult(done: 1, retried: 1, deadLettered: 1), "settle result")
        let pending = try await store.list(destination: "newsletter", state: .pending, limit: 10)
        try expectEqual(pending.map(\.profileID), ["p2"], "pending after settling")
        try expectEqual(pending.first?.attempts, DeliveryAttempts(count: 1, firstAttemptAt: Self.at(1), nextAttemptAt: Self.at(30)), "retry bookkeeping")
        try expectEqual(pending.first?.lastAttemptAt, Self.at(2), "last attempt")
        try expectEqual(pending.first?.isLeased(at: Self.at(2)), false, "a retried job is not leased")
        let dead = try await store.list(destination: "newsletter", state: .dead, limit: 10)
        try expectEqual(dead.map(\.profileID), ["p3"], "dead letters")
        try expectEqual(dead.first?.state, .dead, "state")
        try expectEqual(dead.first?.lastError, "rejected: invalid email", "reason")
        try expectEqual(dead.first?.deadAt, Self.at(2), "dead at")
        try expectEqual(dead.first?.attempts.count, 1, "attempts of the dead letter")
        try expectEqual(dead.first?.payload, Self.payload("p3"), "payload of the dead letter")
        try expectEqual(try await store.list(destination: "ads", state: .dead, limit: 10), [], "other destination")
    }

    /// Replay puts matching dead letters back, due now with attempts reset; stale ones stay dead.
    public func checkReplay() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3", "p4"]), in: store)
        let jobs = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(1))
        let attempts = DeliveryAttempts(count: 10, firstAttemptAt: Self.at(1))
        _ = try await store.settle([
            OutboxSettlement(jobID: jobs[0].id, decision: .deadLetter(reason: "rejected: looks fake"), attempts: attempts),
            OutboxSettlement(jobID: jobs[1].id, decision: .deadLetter(reason: "gave up: HTTP 503"), attempts: attempts),
            OutboxSettlement(jobID: jobs[3].id, decision: .deadLetter(reason: "rejected: LOOKS FAKE too"), attempts: attempts),
        ], owner: "a", now: Self.at(100))
        _ = try await store.settle(
            [OutboxSettlement(jobID: jobs[2].id, decision: .deadLetter(reason: "rejected: looks fake"), attempts: attempts)],
            owner: "a", now: Self.at(200))
        try await Self.enqueue([Self.job("newsletter", "p4", .update, "changed")], in: store, now: Self.at(210))
        let filter = OutboxFilter(destination: "newsletter", state: .dead, since: Self.at(50), errorContains: "looks fake")
        let result = try await store.replay(filter, now: Self.at(300))
        try expectEqual(result, ReplayResult(replayed: 2, stale: 1), "replay result (p4's payload changed since)")
        let pending = try await store.list(destination: "newsletter", state: .pending, limit: 10)
        try expectEqual(Set(pending.map(\.profileID)), ["p1", "p3", "p4"], "replayed and newer jobs pending")
        let replayed = pending.first { $0.profileID == "p1" }
        try expectEqual(replayed?.attempts, DeliveryAttempts.replayed(at: Self.at(300)), "attempts start again, due now")
        try expectEqual(replayed?.idempotencyKey, jobs[0].idempotencyKey, "same key")
        let dead = try await store.list(destination: "newsletter", state: .dead, limit: 10)
        try expectEqual(Set(dead.map(\.profileID)), ["p2", "p4"], "not matching or stale stay dead")
        let since = try await store.replay(OutboxFilter(destination: "newsletter", since: Self.at(150)), now: Self.at(301))
        try expectEqual(since, ReplayResult(), "since excludes older dead letters")
        try expectEqual(
            try await store.replay(OutboxFilter(destination: "newsletter", errorContains: "503"), now: Self.at(302)),
            ReplayResult(replayed: 1), "replay by error text")
    }

    /// Purge deletes dead letters or pending jobs by filter, leaving state alone.
    public func checkPurge() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        let jobs = try await store.claim(destination: "newsletter", owner: "a", limit: 2, leaseFor: 60, now: Self.at(1))
        _ = try await store.settle(jobs.map {
            OutboxSettlement(jobID: $0.id, decision: .deadLetter(reason: $0.profileID == "p1" ? "rejected: bad" : "other"))
        }, owner: "a", now: Self.at(2))
        try expectEqual(
            try await store.purge(OutboxFilter(destination: "newsletter", state: .dead, errorContains: "BAD")), 1, "purged by error")
        try expectEqual(try await store.list(destination: "newsletter", state: .dead, limit: 10).map(\.profileID), ["p2"], "left")
        try expectEqual(try await store.purge(OutboxFilter(destination: "newsletter", state: .pending)), 1, "purged pending")
        try expectEqual(try await store.list(destination: "newsletter", state: .pending, limit: 10), [], "no pending")
        try expectEqual(try await store.destinationState(destination: "newsletter").count, 3, "state untouched")
    }

    /// Counts per destination.
    public func checkCounts() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3", "p4"]), in: store, now: Self.at(5))
        try await Self.enqueue(Self.adds(["q1"], destination: "ads"), destination: "ads", in: store, now: Self.at(7))
        let jobs = try await store.claim(destination: "newsletter", owner: "a", limit: 3, leaseFor: 60, now: Self.at(10))
        _ = try await store.settle([
            OutboxSettlement(jobID: jobs[0].id, decision: .retry(at: Self.at(100)), attempts: DeliveryAttempts(count: 1), error: "x"),
            OutboxSettlement(jobID: jobs[1].id, decision: .deadLetter(reason: "x")),
        ], owner: "a", now: Self.at(11))
        let counts = try await store.outboxCounts(now: Self.at(12))
        try expectEqual(counts, [
            OutboxCounts(destination: "ads", pending: 1, oldestPendingAt: Self.at(7)),
            OutboxCounts(destination: "newsletter", pending: 3, leased: 1, retrying: 1, dead: 1, oldestPendingAt: Self.at(5)),
        ], "counts")
        try expectEqual(
            try await store.outboxCounts(destination: "none", now: Self.at(12)), OutboxCounts(destination: "none"), "unknown")
    }
}
