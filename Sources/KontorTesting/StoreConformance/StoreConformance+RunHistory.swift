import Foundation
import KontorStore

extension StoreConformance {
    /// Runs list newest start first (ties: newest id first), per name or all; `lastRun` is the newest.
    public func checkRunHistoryOrdering() async throws {
        let t0 = ConformanceMessages.start
        try await withStore { store in
            try expectEqual(try await store.lastRun(name: "shop"), nil, "lastRun before any run")
            let shop1 = try await store.startRun(kind: .sync, name: "shop", at: t0)
            let crm = try await store.startRun(kind: .sync, name: "crm", at: t0.addingTimeInterval(5))
            let shop2 = try await store.startRun(kind: .sync, name: "shop", at: t0.addingTimeInterval(10))
            let shop3 = try await store.startRun(kind: .sync, name: "shop", at: t0.addingTimeInterval(10))
            try expectEqual(Set([shop1, crm, shop2, shop3]).count, 4, "distinct run ids")
            let shopRuns = try await store.recentRuns(name: "shop", limit: 2)
            try expectEqual(shopRuns.map(\.id), [shop3, shop2], "the two newest shop runs")
            let all = try await store.recentRuns(name: nil, limit: 10)
            try expectEqual(all.map(\.id), [shop3, shop2, crm, shop1], "all runs, newest first")
            let last = try await store.lastRun(name: "shop")
            try expectEqual(last?.id, shop3, "lastRun of shop")
            try expectEqual(last?.status, .running, "status of a started run")
            try expectEqual(last?.kind, .sync, "kind of a started run")
            try expectEqual(last?.startedAt, t0.addingTimeInterval(10), "startedAt of a started run")
            try expectEqual(last?.finishedAt, nil, "finishedAt of a started run")
            try expectEqual(try await store.lastRun(name: "nope"), nil, "lastRun of an unknown name")
            try expectEqual(try await store.recentRuns(name: "shop", limit: 0).count, 0, "runs with limit 0")
        }
    }

    /// Finishing records status, counts, error and time once; bad finishes are typed errors.
    public func checkFinishRun() async throws {
        let t0 = ConformanceMessages.start
        try await withStore { store in
            let ok = try await store.startRun(kind: .sync, name: "shop", at: t0)
            let bad = try await store.startRun(kind: "delivery", name: "newsletter", at: t0)
            try await store.finishRun(ok, status: .succeeded, counts: ["records": 1200, "pages": 3], error: nil,
                                      at: t0.addingTimeInterval(61.5))
            try await store.finishRun(bad, status: .failed, counts: [:], error: "HTTP 401 from list 'abc123'",
                                      at: t0.addingTimeInterval(2))
            let okRun = try await store.lastRun(name: "shop")
            try expectEqual(okRun?.status, .succeeded, "status of the finished run")
            try expectEqual(okRun?.counts, ["records": 1200, "pages": 3], "counts of the finished run")
            try expectEqual(okRun?.finishedAt, t0.addingTimeInterval(61.5), "finishedAt of the finished run")
            try expectEqual(okRun?.error, nil, "error of a successful run")
            let badRun = try await store.lastRun(name: "newsletter")
            try expectEqual(badRun?.status, .failed, "status of the failed run")
            try expectEqual(badRun?.kind, .delivery, "kind of the failed run")
            try expectEqual(badRun?.error, "HTTP 401 from list 'abc123'", "error of the failed run")
            try await expectStoreError(.conflict, "finishing a finished run") {
                try await store.finishRun(ok, status: .failed, counts: [:], error: "late", at: t0)
            }
            try expectEqual(try await store.lastRun(name: "shop")?.status, .succeeded, "status after a second finish")
            try await expectStoreError(.notFound, "finishing an unknown run") {
                try await store.finishRun(RunID(987_654), status: .succeeded, counts: [:], error: nil, at: t0)
            }
            let open = try await store.startRun(kind: .sync, name: "crm", at: t0)
            try await expectStoreError(.invalidArgument, "finishing with status running") {
                try await store.finishRun(open, status: .running, counts: [:], error: nil, at: t0)
            }
        }
    }
}
