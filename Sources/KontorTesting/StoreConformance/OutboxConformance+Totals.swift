import Foundation
import KontorCore
import KontorStore

extension OutboxConformance {
    /// Delivered jobs are counted per destination with the time of the last; retries and dead letters are not.
    public func checkDeliveryTotals() async throws {
        let store = try await makeStore()
        try expectEqual(try await store.deliveryTotals(), [], "no deliveries yet")
        try await Self.enqueue(Self.adds(["p1", "p2", "p3"]), in: store)
        try await Self.enqueue(Self.adds(["p1"], destination: "ads"), destination: "ads", in: store)
        let jobs = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(1))
        _ = try await store.settle([
            .done(jobs[0].id),
            OutboxSettlement(jobID: jobs[1].id, decision: .retry(at: Self.at(30)), error: "HTTP 429"),
            OutboxSettlement(jobID: jobs[2].id, decision: .deadLetter(reason: "rejected")),
        ], owner: "a", now: Self.at(2))
        try expectEqual(
            try await store.deliveryTotals(), [DeliveryTotals(destination: "newsletter", delivered: 1, lastDeliveredAt: Self.at(2))],
            "one delivered")
        let retried = try await store.claim(destination: "newsletter", owner: "a", limit: 10, leaseFor: 60, now: Self.at(40))
        let ads = try await store.claim(destination: "ads", owner: "b", limit: 10, leaseFor: 60, now: Self.at(40))
        _ = try await store.complete(retried.map(\.id), owner: "a", now: Self.at(41))
        _ = try await store.complete(ads.map(\.id), owner: "b", now: Self.at(42))
        _ = try await store.complete(retried.map(\.id), owner: "a", now: Self.at(50))
        try expectEqual(
            try await store.deliveryTotals(),
            [
                DeliveryTotals(destination: "ads", delivered: 1, lastDeliveredAt: Self.at(42)),
                DeliveryTotals(destination: "newsletter", delivered: 2, lastDeliveredAt: Self.at(41)),
            ],
            "totals per destination; settling a finished job again counts nothing")
    }
}
