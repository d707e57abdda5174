import Foundation
import KontorCore
import KontorStore

extension StoreConformance {
    /// Migrating an up-to-date store changes nothing.
    public func checkMigrateTwiceIsHarmless() async throws {
        try await withStore { store in
            let before = try await store.appliedMigrations()
            try expect(!before.isEmpty, "a migrated store lists its migrations")
            _ = try await store.append([ConformanceMessages.track("keep")], source: "shop")
            try await store.migrate()
            try await store.migrate()
            try expectEqual(try await store.appliedMigrations(), before, "migrations after migrating again")
            try expectEqual(try await store.count(), 1, "events after migrating again")
            let info = try await store.storeInfo()
            try expectEqual(info.schemaVersion, before.count, "schemaVersion")
            try expectEqual(info.appliedMigrations, before, "storeInfo's applied migrations")
            try expectEqual(info.pendingMigrations, [], "pending migrations of a migrated store")
        }
    }

    /// Reopening (and migrating) a store applies no migration twice.
    public func checkMigrationsIdempotentOnReopen() async throws {
        let reopen = try requireReopen("checkMigrationsIdempotentOnReopen")
        let store = try await makeStore()
        let before = try await store.appliedMigrations()
        let reopened = try await reopen(store)
        let second = try await reopen(reopened)
        do {
            try await second.migrate()
            try expectEqual(try await second.appliedMigrations(), before, "migrations after two reopens")
            try expectEqual(try await second.storeInfo().schemaVersion, before.count, "schemaVersion after reopens")
        } catch {
            try? await second.close()
            throw error
        }
        try await second.close()
    }

    /// Events, cursors, runs, positions and schedules survive close and reopen; dedupe still holds.
    public func checkDataSurvivesReopen() async throws {
        let reopen = try requireReopen("checkDataSurvivesReopen")
        let t0 = ConformanceMessages.start
        let store = try await makeStore()
        let messages = ConformanceMessages.tracks("s", count: 3) + [ConformanceMessages.rich("s-rich")]
        let appended = try await store.commitPage(source: "shop", stream: "orders", messages: messages,
                                                  cursor: ["since": "2024-05-01"])
        let run = try await store.startRun(kind: .sync, name: "shop", at: t0)
        try await store.finishRun(run, status: .succeeded, counts: ["records": 4], error: nil, at: t0.addingTimeInterval(3))
        try await store.setPosition(appended.seqs[1], consumer: "profiles")
        try await store.setNextRun(name: "source:shop", at: t0.addingTimeInterval(900))
        _ = try await store.acquireLease(name: "source:shop", owner: "a", until: t0.addingTimeInterval(60), now: t0)
        let reopened = try await reopen(store)
        do {
            let events = try await reopened.read(after: 0, limit: 10)
            try expectEqual(events.map(\.message), messages, "messages after reopen")
            try expectEqual(events.map(\.seq), appended.seqs, "seqs after reopen")
            try expectEqual(try await reopened.lastSeq(), appended.seqs.last ?? -1, "lastSeq after reopen")
            try expectEqual(try await reopened.cursor(source: "shop", stream: "orders"), ["since": "2024-05-01"],
                            "cursor after reopen")
            let last = try await reopened.lastRun(name: "shop")
            try expectEqual(last?.counts, ["records": 4], "run counts after reopen")
            try expectEqual(last?.status, .succeeded, "run status after reopen")
            try expectEqual(try await reopened.position(consumer: "profiles"), appended.seqs[1], "position after reopen")
            try expectEqual(try await reopened.nextRunAt(name: "source:shop"), t0.addingTimeInterval(900), "next run after reopen")
            try expect(!(try await reopened.acquireLease(name: "source:shop", owner: "b", until: t0.addingTimeInterval(90),
                                                         now: t0.addingTimeInterval(30))),
                       "a's lease holds after reopen")
            let replay = try await reopened.append(messages, source: "shop")
            try expectEqual(replay.duplicates, messages.count, "duplicates of a replay after reopen")
            let next = try await reopened.append([ConformanceMessages.track("s-new")], source: "shop")
            try expect((next.seqs.first ?? 0) > (appended.seqs.last ?? 0), "a new seq after reopen follows the old ones")
        } catch {
            try? await reopened.close()
            throw error
        }
        try await reopened.close()
    }
}
