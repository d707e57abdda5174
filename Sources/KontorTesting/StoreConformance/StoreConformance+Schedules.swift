import Foundation
import KontorStore

extension StoreConformance {
    /// Next run times round-trip, can be cleared, and do not disturb leases.
    public func checkNextRun() async throws {
        let t0 = ConformanceMessages.start
        try await withStore { store in
            try expectEqual(try await store.nextRunAt(name: "source:shop"), nil, "next run of an unknown schedule")
            try await store.setNextRun(name: "source:shop", at: t0.addingTimeInterval(900.25))
            try expectEqual(try await store.nextRunAt(name: "source:shop"), t0.addingTimeInterval(900.25), "next run")
            let leased = try await store.acquireLease(name: "source:shop", owner: "node-a",
                                                      until: t0.addingTimeInterval(60), now: t0)
            try expect(leased, "leasing a schedule that has a next run")
            try await store.setNextRun(name: "source:shop", at: t0.addingTimeInterval(1800))
            let state = try await store.schedules().first { $0.name == "source:shop" }
            try expectEqual(state?.nextRunAt, t0.addingTimeInterval(1800), "next run after moving it")
            try expectEqual(state?.leaseOwner, "node-a", "lease owner after moving the next run")
            try await store.setNextRun(name: "source:shop", at: nil)
            try expectEqual(try await store.nextRunAt(name: "source:shop"), nil, "next run after clearing it")
        }
    }

    /// A lease is exclusive until it ends: another owner cannot take it before
    /// `leaseUntil`, can at and after it; the holder renews; only the holder releases.
    public func checkScheduleLeases() async throws {
        let t0 = ConformanceMessages.start
        func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }
        try await withStore { store in
            let name = "source:shop"
            try expect(try await store.acquireLease(name: name, owner: "a", until: at(60), now: at(0)), "a takes a free lease")
            try expect(!(try await store.acquireLease(name: name, owner: "b", until: at(90), now: at(30))),
                       "b must not take a's unexpired lease")
            try expect(try await store.acquireLease(name: name, owner: "a", until: at(90), now: at(30)), "a renews its lease")
            try expect(!(try await store.acquireLease(name: name, owner: "b", until: at(150), now: at(89.999))),
                       "b must not take a's lease 1 ms before it ends")
            try expect(try await store.acquireLease(name: name, owner: "b", until: at(150), now: at(90)),
                       "b takes a's lease once it has ended")
            try expect(!(try await store.releaseLease(name: name, owner: "a")), "a must not release b's lease")
            let held = try await store.schedules().first { $0.name == name }
            try expectEqual(held?.leaseOwner, "b", "lease owner")
            try expectEqual(held?.leaseUntil, at(150), "lease end")
            try expect(try await store.releaseLease(name: name, owner: "b"), "b releases its lease")
            try expect(try await store.acquireLease(name: name, owner: "a", until: at(200), now: at(100)),
                       "a takes the released lease before b's old end")
            try expect(try await store.acquireLease(name: "destination:newsletter", owner: "b", until: at(200), now: at(100)),
                       "leases of different schedules are independent")
            try await expectStoreError(.invalidArgument, "a lease that ends before it starts") {
                try await store.acquireLease(name: name, owner: "a", until: at(100), now: at(100))
            }
        }
    }
}
