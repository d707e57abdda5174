import Foundation
import KontorCore
import KontorStore

/// The error the transaction checks throw from inside a transaction body.
struct SimulatedTransactionFailure: Error, Equatable {}

extension StoreConformance {
    /// A transaction body that throws after appending, setting a cursor and a
    /// position leaves none of them, and its error comes out unchanged.
    public func checkThrowingTransactionLeavesNothing() async throws {
        try await withStore { store in
            _ = try await store.commitPage(source: "shop", stream: "orders", messages: [], cursor: "before")
            try await store.setPosition(7, consumer: "profiles")
            do {
                _ = try await store.transaction { tx -> Int in
                    let result = try tx.append(ConformanceMessages.tracks("t", count: 3), source: "shop")
                    try tx.setCursor("after", source: "shop", stream: "orders", partition: "")
                    try tx.setPosition(99, consumer: "profiles")
                    guard result.inserted == 3, try tx.read(after: 0, limit: 10).count == 3 else { return -1 }
                    throw SimulatedTransactionFailure()
                }
                throw ConformanceFailure("the transaction body's error was swallowed (or the body saw its own writes missing)")
            } catch is SimulatedTransactionFailure {
                // expected: the body's own error, rethrown unchanged
            }
            try expectEqual(try await store.count(), 0, "events after the rolled-back transaction")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), "before", "cursor after the rollback")
            try expectEqual(try await store.position(consumer: "profiles"), 7, "position after the rollback")
            let again = try await store.append(ConformanceMessages.tracks("t", count: 3), source: "shop")
            try expectEqual(again.inserted, 3, "the rolled-back ids are new afterwards")
        }
    }

    /// Everything done in one transaction is visible together once it returns, with its result.
    public func checkTransactionCommitsTogether() async throws {
        try await withStore { store in
            _ = try await store.append(ConformanceMessages.tracks("e", count: 4), source: "shop")
            let processed = try await store.transaction { tx -> Int in
                let start = try tx.position(consumer: "profiles")
                let events = try tx.read(after: start, limit: 3)
                if let last = events.last { try tx.setPosition(last.seq, consumer: "profiles") }
                try tx.setCursor(["at": 3], source: "shop", stream: "orders", partition: "")
                _ = try tx.append([ConformanceMessages.track("derived-1")], source: "kontor")
                return events.count
            }
            try expectEqual(processed, 3, "the body's result")
            let all = try await store.read(after: 0, limit: 10)
            try expectEqual(try await store.position(consumer: "profiles"), all[2].seq, "position after the commit")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), ["at": 3], "cursor after the commit")
            try expectEqual(all.last?.source, "kontor", "the event appended in the transaction")
            let storeErrorInside = try await expectStoreError(.invalidArgument, "a negative position in a transaction") {
                try await store.transaction { tx in try tx.setPosition(-1, consumer: "profiles") }
            }
            try expect(storeErrorInside.message.contains("profiles"), "the error names the consumer")
        }
    }

    /// Positions start at 0, round-trip, are kept per consumer and may move back (rebuilds).
    public func checkConsumerPositions() async throws {
        try await withStore { store in
            try expectEqual(try await store.position(consumer: "profiles"), 0, "a new consumer's position")
            try await store.setPosition(42, consumer: "profiles")
            try await store.setPosition(5, consumer: "segments")
            try expectEqual(try await store.position(consumer: "profiles"), 42, "profiles' position")
            try expectEqual(try await store.position(consumer: "segments"), 5, "segments' position")
            try await store.setPosition(0, consumer: "profiles")
            try expectEqual(try await store.position(consumer: "profiles"), 0, "profiles' position after a rebuild")
            try await expectStoreError(.invalidArgument, "a negative position") {
                try await store.setPosition(-3, consumer: "profiles")
            }
        }
    }
}
