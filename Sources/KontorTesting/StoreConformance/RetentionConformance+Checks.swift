import Foundation
import KontorCore
import KontorStore

extension RetentionConformance {
    /// Events received before the cutoff go, lowest seq first and `limit` at a time; newer ones and `lastSeq` stay.
    public func checkEventsOlderThanTheCutoffGo() async throws {
        try await withStore { store in
            let appended = try await store.append((0..<5).map { Self.received("m\($0)", days: Double($0)) }, source: "shop")
            let cutoff = Self.at(days: 3)
            let first = try await store.deleteEvents(receivedBefore: cutoff, through: .max, limit: 2)
            try expectEqual(first, 2, "the first chunk")
            try expectEqual(try await store.read(after: 0, limit: 10).map(\.message.messageId), ["m2", "m3", "m4"], "after one chunk")
            let second = try await store.deleteEvents(receivedBefore: cutoff, through: .max, limit: 2)
            try expectEqual(second, 1, "the second chunk (m2; m3 was received exactly at the cutoff)")
            try expectEqual(try await store.deleteEvents(receivedBefore: cutoff, through: .max, limit: 2), 0, "nothing left to delete")
            try expectEqual(try await store.read(after: 0, limit: 10).map(\.seq), Array(appended.seqs.suffix(2)), "events left")
            try expectEqual(try await store.count(), 2, "count")
            try expectEqual(try await store.lastSeq(), appended.seqs.last ?? 0, "lastSeq never goes back")
            try expectEqual(try await store.retiredEventCount(), 3, "retired keys")
        }
    }

    /// Events after `through` (not yet processed by a consumer) stay, however old.
    public func checkEventsPastThePositionStay() async throws {
        try await withStore { store in
            let appended = try await store.append((0..<4).map { Self.received("m\($0)", days: Double($0)) }, source: "shop")
            try await store.setPosition(appended.seqs[1], consumer: "profiles")
            let through = try await store.position(consumer: "profiles")
            let deleted = try await store.deleteEvents(receivedBefore: Self.at(days: 100), through: through, limit: 100)
            try expectEqual(deleted, 2, "events up to the position")
            let left = try await store.read(after: 0, limit: 10)
            try expectEqual(left.map(\.message.messageId), ["m2", "m3"], "unprocessed events stay")
            try expectEqual(try await store.read(after: through, limit: 10).map(\.seq), Array(appended.seqs.suffix(2)), "a consumer reads on")
        }
    }

    /// A message whose event retention deleted is a duplicate when sent again, in the same source only.
    public func checkRetiredKeysStayDuplicates() async throws {
        try await withStore { store in
            _ = try await store.append([Self.received("order-1", days: 0), Self.received("order-2", days: 5)], source: "shop")
            try expectEqual(try await store.deleteEvents(receivedBefore: Self.at(days: 1), through: .max, limit: 10), 1, "deleted")
            let again = try await store.append([Self.received("order-1", days: 9), Self.received("order-3", days: 9)], source: "shop")
            try expectEqual(again.inserted, 1, "only the new message is stored")
            try expectEqual(again.duplicates, 1, "the retired message counts as a duplicate")
            let inTransaction = try await store.transaction { tx in try tx.append([Self.received("order-1", days: 9)], source: "shop") }
            try expectEqual(inTransaction.duplicates, 1, "also inside a transaction")
            let otherSource = try await store.append([Self.received("order-1", days: 9)], source: "till")
            try expectEqual(otherSource.inserted, 1, "the same id from another source is another message")
            let ids = try await store.read(after: 0, limit: 10).map(\.message.messageId)
            try expectEqual(ids, ["order-2", "order-3", "order-1"], "the log")
        }
    }

    /// Dead letters that died before the cutoff go; newer ones and pending jobs stay.
    public func checkOldDeadLettersGo() async throws {
        try await withStore { store in
            let ids = ["p1", "p2", "p3"]
            let plan = ActivationPlan(
                destination: "newsletter",
                jobs: ids.map { id in
                    let payload: JSONValue = ["email_address": .string("\(id)@example.com")]
                    return PlannedJob(
                        destination: "newsletter", profileID: id, operation: .add, payload: payload,
                        payloadHash: PayloadHash.of(payload))
                }, stateChanges: [])
            _ = try await store.commitPlan(destination: "newsletter", now: Self.start) { _ in plan }
            let jobs = try await store.claim(destination: "newsletter", owner: "w", limit: 10, leaseFor: 100 * Self.day, now: Self.start)
            try expectEqual(jobs.count, 3, "claimed jobs")
            for (index, job) in jobs.prefix(2).enumerated() {
                _ = try await store.deadLetter(job.id, owner: "w", reason: "rejected", now: Self.at(days: Double(index * 10)))
            }
            let deleted = try await store.deleteDeadLetters(deadBefore: Self.at(days: 5), limit: 10)
            try expectEqual(deleted, 1, "dead letters before the cutoff")
            let dead = try await store.list(destination: nil, state: .dead, limit: 10)
            try expectEqual(dead.map(\.id), [jobs[1].id], "the newer dead letter stays")
            try expectEqual(try await store.list(destination: nil, state: .pending, limit: 10).count, 1, "pending jobs stay")
        }
    }

    /// Finished runs before the cutoff go, except the latest of each name; running runs stay.
    public func checkOldRunsGoButTheLatestOfEachNameStays() async throws {
        try await withStore { store in
            var runs: [String: [RunID]] = [:]
            for (name, day) in [("shop", 0.0), ("shop", 1), ("shop", 20), ("till", 2), ("crm", 3)] {
                let run = try await store.startRun(kind: .sync, name: name, at: Self.at(days: day))
                try await store.finishRun(run, status: .succeeded, counts: [:], error: nil, at: Self.at(days: day + 0.5))
                runs[name, default: []].append(run)
            }
            let running = try await store.startRun(kind: .sync, name: "crm", at: Self.at(days: 4))
            let deleted = try await store.deleteRuns(finishedBefore: Self.at(days: 10), limit: 10)
            try expectEqual(deleted, 3, "old shop runs and the old crm run (a later crm run is running)")
            let left = try await store.recentRuns(name: nil, limit: 10).map(\.id)
            try expectEqual(Set(left), Set([runs["shop"]?[2], runs["till"]?[0], running].compactMap { $0 }), "runs left")
        }
    }

    /// Limits below 1 are refused.
    public func checkRejectsLimitsBelowOne() async throws {
        try await withStore { store in
            for (what, body) in [
                ("events", { try await store.deleteEvents(receivedBefore: Self.start, through: .max, limit: 0) }),
                ("dead letters", { try await store.deleteDeadLetters(deadBefore: Self.start, limit: 0) }),
                ("runs", { try await store.deleteRuns(finishedBefore: Self.start, limit: -1) }),
            ] as [(String, () async throws -> Int)] {
                do {
                    let value = try await body()
                    throw ConformanceFailure("deleting \(what) with a limit below 1 returned \(value)")
                } catch let error as StoreError {
                    try expectEqual(error.kind, .invalidArgument, "the error kind for \(what)")
                }
            }
        }
    }
}
