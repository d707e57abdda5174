import Foundation
import KontorCore
import KontorStore

extension OutboxConformance {
    /// A profile's newer job waits while an older one is leased, so a remove never overtakes its add.
    public func checkPerProfileOrder() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2"]), in: store)
        let held = try await store.claim(destination: "newsletter", owner: "a", limit: 1, leaseFor: 60, now: Self.at(1))
        try expectEqual(held.map(\.profileID), ["p1"], "p1's add is in flight")
        try await Self.enqueue([Self.job("newsletter", "p1", .remove)], in: store, now: Self.at(2))
        let next = try await store.claim(destination: "newsletter", owner: "b", limit: 10, leaseFor: 60, now: Self.at(3))
        try expectEqual(next.map(\.profileID), ["p2"], "p1's remove waits for its add")
        _ = try await store.complete(held.map(\.id), owner: "a", now: Self.at(4))
        let after = try await store.claim(destination: "newsletter", owner: "b", limit: 10, leaseFor: 60, now: Self.at(5))
        try expectEqual(after.map(\.operation), [.remove], "the remove follows once the add is done")
    }

    /// A new job deletes the profile's older unleased jobs; an update superseding an unsent add is an add.
    public func checkSupersession() async throws {
        let store = try await makeStore()
        try await Self.enqueue(Self.adds(["p1", "p2"]), in: store)
        let update = Self.job("newsletter", "p1", .update, "new")
        let first = try await Self.enqueue([update], in: store, now: Self.at(1))
        try expectEqual(first.superseded, 1, "the unsent add is superseded")
        try expectEqual(first.enqueued, 1, "one job enqueued")
        let p1 = try await store.list(destination: "newsletter", state: .pending, limit: 10).filter { $0.profileID == "p1" }
        try expectEqual(p1.map(\.operation), [.add], "an update replacing an unsent add is sent as an add")
        try expectEqual(p1.first?.payload, Self.payload("p1", "new"), "with the newer payload")
        let held = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(2))
        try expectEqual(Set(held.map(\.profileID)), ["p1", "p2"], "both claimed")
        let removal = try await Self.enqueue([Self.job("newsletter", "p2", .remove)], in: store, now: Self.at(3))
        try expectEqual(removal.superseded, 0, "a leased job is never superseded")
        let jobs = try await store.list(destination: "newsletter", state: .pending, limit: 10)
        try expectEqual(jobs.filter { $0.profileID == "p2" }.map(\.operation), [.add, .remove], "p2's jobs")
    }

    /// The same key is refused while a job with it is pending, and accepted again once it has finished.
    public func checkIdempotencyAmongUnfinishedJobs() async throws {
        let store = try await makeStore()
        let add = Self.job("newsletter", "p1", .add)
        try expectEqual(try await Self.enqueue([add], in: store).enqueued, 1, "first add")
        let claimed = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(1))
        let twice = try await Self.enqueue([add], in: store, now: Self.at(2))
        try expectEqual(twice, EnqueueResult(duplicates: 1, stateChanges: 1), "the same add while it is pending")
        try expectEqual(try await store.list(destination: "newsletter", state: .pending, limit: 10).count, 1, "one job")
        _ = try await store.complete(claimed.map(\.id), owner: "a", now: Self.at(3))
        try await Self.enqueue([Self.job("newsletter", "p1", .remove)], in: store, now: Self.at(4))
        let removal = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(5))
        _ = try await store.complete(removal.map(\.id), owner: "a", now: Self.at(6))
        let again = try await Self.enqueue([add], in: store, now: Self.at(7))
        try expectEqual(again.enqueued, 1, "the same add after the first finished (added, removed, added)")
        try expectEqual(again.superseded + again.duplicates, 0, "nothing superseded")
    }
}
