import Foundation
import KontorCore
import KontorStore

extension OutboxConformance {
    /// A committed plan's jobs are pending and its state is readable; a remove deletes state.
    public func checkCommitPlanWritesJobsAndState() async throws {
        let store = try await makeStore()
        let result = try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        try expectEqual(result, EnqueueResult(enqueued: 3, stateChanges: 3), "enqueue result")
        let state = try await store.destinationState(destination: "newsletter")
        try expectEqual(state.map(\.profileID), ["p1", "p2", "p3"], "state profiles")
        try expectEqual(state.first?.payload, Self.payload("p1"), "state payload")
        let pending = try await store.list(destination: "newsletter", state: .pending, limit: 10)
        try expectEqual(pending.map(\.profileID), ["p1", "p2", "p3"], "pending jobs")
        try expectEqual(pending.first?.operation, .add, "operation")
        try expectEqual(pending.first?.payload, Self.payload("p1"), "payload")
        try expectEqual(pending.first?.enqueuedAt, Self.start, "enqueue time")
        try expectEqual(pending.first?.attempts.count, 0, "attempts")
        try expectEqual(try await store.destinationState(destination: "other"), [], "state of another destination")
        try await Self.enqueue([Self.job("newsletter", "p2", .remove)], in: store, now: Self.at(1))
        try expectEqual(
            try await store.destinationState(destination: "newsletter").map(\.profileID), ["p1", "p3"], "state after a remove")
    }

    /// When planning throws, neither jobs nor state are written, and the error comes back.
    public func checkFailedPlanningWritesNothing() async throws {
        struct Refused: Error {}
        let store = try await makeStore()
        do {
            _ = try await store.commitPlan(destination: "newsletter", now: Self.start) { _ in throw Refused() }
            throw ConformanceFailure("commitPlan must rethrow the planning error")
        } catch is Refused {}
        let plan = ActivationPlan(destination: "newsletter", jobs: [Self.job("other", "p1", .add)])
        do {
            _ = try await store.commitPlan(destination: "newsletter", now: Self.start) { _ in plan }
            throw ConformanceFailure("a job of another destination must be refused")
        } catch let error as StoreError {
            try expectEqual(error.kind, .invalidArgument, "error kind")
        }
        try expectEqual(try await store.list(destination: nil, state: .pending, limit: 10), [], "jobs after failed plans")
    }

    /// A claim leases due jobs up to its limit, oldest first; leased jobs are not claimed again;
    /// jobs due later wait; other destinations are separate.
    public func checkClaimLeasesDueJobs() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        try await Self.enqueue(Self.adds(["q1"], destination: "ads"), destination: "ads", in: store)
        let first = try await store.claim(destination: "newsletter", owner: "a", limit: 2, leaseFor: 600, now: Self.at(10))
        try expectEqual(first.map(\.profileID), ["p1", "p2"], "first claim")
        try expectEqual(first.first?.leaseOwner, "a", "lease owner")
        try expectEqual(first.first?.leaseUntil, Self.at(610), "lease end")
        let second = try await store.claim(destination: "newsletter", owner: "b", limit: 5, leaseFor: 600, now: Self.at(11))
        try expectEqual(second.map(\.profileID), ["p3"], "second claim takes only what is left")
        let third = try await store.claim(destination: "newsletter", owner: "b", limit: 5, leaseFor: 600, now: Self.at(12))
        try expectEqual(third, [], "nothing left to claim")
        let retried = try await store.retry(
            first[0].id, owner: "a", at: Self.at(100), attempts: DeliveryAttempts(count: 1, firstAttemptAt: Self.at(10)),
            error: "HTTP 503", now: Self.at(13))
        try expectEqual(retried.retried, 1, "retry applied")
        try expectEqual(
            try await store.claim(destination: "newsletter", owner: "b", limit: 5, leaseFor: 600, now: Self.at(99)), [],
            "a job waiting for its retry is not due")
        let due = try await store.claim(destination: "newsletter", owner: "b", limit: 5, leaseFor: 600, now: Self.at(100))
        try expectEqual(due.map(\.profileID), ["p1"], "the retry is due at its time")
        try expectEqual(due.first?.attempts.count, 1, "attempts kept")
        try expectEqual(due.first?.attempts.firstAttemptAt, Self.at(10), "first attempt kept")
        try expectEqual(due.first?.lastError, "HTTP 503", "last error kept")
        let ads = try await store.claim(destination: "ads", owner: "b", limit: 5, leaseFor: 600, now: Self.at(100))
        try expectEqual(ads.map(\.profileID), ["q1"], "another destination's queue")
    }

    /// A crashed worker's jobs are claimed again once its lease ends; its late decisions are skipped.
    public func checkLeaseExpiry() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2"]), in: store)
        let crashed = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(0))
        try expectEqual(crashed.count, 2, "claimed by a")
        try expectEqual(
            try await store.claim(destination: "newsletter", owner: "b", limit: 10, leaseFor: 60, now: Self.at(59.999)), [],
            "not claimable 1 ms before the lease ends")
        let taken = try await store.claim(destination: "newsletter", owner: "b", limit: 10, leaseFor: 60, now: Self.at(60))
        try expectEqual(taken.map(\.profileID), ["p1", "p2"], "claimable when the lease ends")
        try expectEqual(taken.first?.leaseOwner, "b", "new owner")
        let late = try await store.retry(
            crashed[0].id, owner: "a", at: Self.at(500), attempts: DeliveryAttempts(count: 1), error: "late", now: Self.at(61))
        try expectEqual(late, SettleResult(skipped: 1), "a's late retry is skipped")
        let dead = try await store.deadLetter(crashed[1].id, owner: "a", reason: "late", now: Self.at(61))
        try expectEqual(dead, SettleResult(skipped: 1), "a's late dead letter is skipped")
        let done = try await store.complete(taken.map(\.id), owner: "b", now: Self.at(62))
        try expectEqual(done.done, 2, "b completes")
        try expectEqual(try await store.list(destination: "newsletter", state: .pending, limit: 10), [], "queue empty")
    }

    /// `release` returns an owner's leases (jobs claimable at once) and only that owner's.
    public func checkRelease() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        _ = try await store.claim(destination: "newsletter", owner: "a", limit: 2, leaseFor: 600, now: Self.at(0))
        _ = try await store.claim(destination: "newsletter", owner: "b", limit: 1, leaseFor: 600, now: Self.at(0))
        try expectEqual(try await store.release(owner: "a"), 2, "released leases")
        let again = try await store.claim(destination: "newsletter", owner: "c", limit: 10, leaseFor: 600, now: Self.at(1))
        try expectEqual(again.map(\.profileID), ["p1", "p2"], "released jobs are claimable at once")
        try expectEqual(try await store.release(owner: "nobody"), 0, "releasing nothing")
    }

    /// Invalid claims are refused.
    public func checkRejectsInvalidClaims() async throws {
        let store = try await makeStore()
        for (owner, limit, lease) in [("", 1, 60.0), ("a", 0, 60), ("a", 1, 0)] {
            do {
                _ = try await store.claim(destination: "newsletter", owner: owner, limit: limit, leaseFor: lease, now: Self.start)
                throw ConformanceFailure("claim(owner: '\(owner)', limit: \(limit), leaseFor: \(lease)) must be refused")
            } catch let error as StoreError {
                try expectEqual(error.kind, .invalidArgument, "error kind")
            }
        }
    }
}
