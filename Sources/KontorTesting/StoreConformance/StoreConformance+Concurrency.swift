import Foundation
import KontorCore
import KontorStore

extension StoreConformance {
    /// Several tasks appending overlapping batches at once store every message exactly once.
    public func checkConcurrentAppendersStoreEachMessageOnce() async throws {
        let appenders = 8
        let distinct = 200
        let batchSize = 25
        try await withStore { store in
            let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                for appender in 0..<appenders {
                    group.addTask {
                        // Each appender sends all ids, starting at a different offset.
                        let ids = (0..<distinct).map { "c-\(($0 + appender * 37) % distinct)" }
                        var total = AppendResult()
                        for start in stride(from: 0, to: ids.count, by: batchSize) {
                            let batch = ids[start..<min(start + batchSize, ids.count)].map { ConformanceMessages.track($0) }
                            total = total.adding(try await store.append(batch, source: "sdk"))
                        }
                        return total
                    }
                }
                var results: [AppendResult] = []
                for try await result in group { results.append(result) }
                return results
            }
            let inserted = results.map(\.inserted).reduce(0, +)
            let duplicates = results.map(\.duplicates).reduce(0, +)
            try expectEqual(inserted, distinct, "messages inserted by all appenders")
            try expectEqual(duplicates, appenders * distinct - distinct, "duplicates counted by all appenders")
            let seqs = results.flatMap(\.seqs)
            try expectEqual(Set(seqs).count, distinct, "distinct seqs handed out")
            try expectEqual(try await store.count(), distinct, "events stored")
            let events = try await store.read(after: 0, limit: distinct * 2)
            try expectEqual(Set(events.map(\.message.messageId)).count, distinct, "distinct ids stored")
            try expectEqual(events.map(\.seq), seqs.sorted(), "stored seqs are exactly the returned ones")
        }
    }
}
