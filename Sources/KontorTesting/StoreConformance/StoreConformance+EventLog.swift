import Foundation
import KontorCore
import KontorStore

extension StoreConformance {
    /// New messages get positive, strictly increasing seqs; `count` and `lastSeq` follow.
    public func checkAppendAssignsIncreasingSeqs() async throws {
        try await withStore { store in
            try expectEqual(try await store.lastSeq(), 0, "lastSeq of an empty log")
            try expectEqual(try await store.count(), 0, "count of an empty log")
            let first = try await store.append(ConformanceMessages.tracks("a", count: 3), source: "shop")
            let second = try await store.append(ConformanceMessages.tracks("b", count: 2), source: "shop")
            try expectEqual(first.inserted, 3, "inserted by the first append")
            try expectEqual(second.seqs.count, 2, "seqs returned by the second append")
            let seqs = first.seqs + second.seqs
            try expect(seqs.allSatisfy { $0 > 0 }, "seqs must be positive, got \(seqs)")
            try expect(zip(seqs, seqs.dropFirst()).allSatisfy { $0 < $1 }, "seqs must increase, got \(seqs)")
            try expectEqual(try await store.lastSeq(), seqs.last ?? -1, "lastSeq after two appends")
            try expectEqual(try await store.count(), 5, "count after two appends")
            let empty = try await store.append([], source: "shop")
            try expectEqual(empty, AppendResult(), "result of an empty append")
        }
    }

    /// A message appended again in a later batch is a duplicate, not an error, and is stored once.
    public func checkDedupeAcrossBatches() async throws {
        try await withStore { store in
            _ = try await store.append(ConformanceMessages.tracks("m", count: 3), source: "shop")
            let lastSeq = try await store.lastSeq()
            let again = [ConformanceMessages.track("m-1", total: 99), ConformanceMessages.track("m-3")]
            let result = try await store.append(again, source: "shop")
            try expectEqual(result.inserted, 1, "inserted (only m-3 is new)")
            try expectEqual(result.duplicates, 1, "duplicates (m-1 was stored before)")
            try expectEqual(result.seqs.count, 1, "seqs of the second append")
            try expect((result.seqs.first ?? 0) > lastSeq, "the new message's seq must follow the last one")
            try expectEqual(try await store.count(), 4, "count after the replay")
            let events = try await store.read(after: 0, limit: 10)
            let stored = events.first { $0.message.messageId == "m-1" }
            try expectEqual(stored?.message.properties["total"], 42, "m-1 keeps its first version")
            let replay = try await store.append(ConformanceMessages.tracks("m", count: 3), source: "shop")
            try expectEqual(replay, AppendResult(inserted: 0, duplicates: 3, seqs: []), "a full replay")
        }
    }

    /// A messageId repeated inside one batch is stored once; the repeat counts as a duplicate.
    public func checkDedupeWithinBatch() async throws {
        try await withStore { store in
            let batch = [
                ConformanceMessages.track("x", total: 1), ConformanceMessages.track("y"),
                ConformanceMessages.track("x", total: 2), ConformanceMessages.track("x", total: 3),
            ]
            let result = try await store.append(batch, source: "popup")
            try expectEqual(result.inserted, 2, "inserted from a batch with x three times")
            try expectEqual(result.duplicates, 2, "duplicates in that batch")
            let events = try await store.read(after: 0, limit: 10)
            try expectEqual(events.map(\.message.messageId), ["x", "y"], "stored ids in seq order")
            try expectEqual(events.first?.message.properties["total"], 1, "the first x wins")
        }
    }

    /// Dedupe is per source: the same messageId from two sources is two events.
    public func checkSameMessageIdInTwoSources() async throws {
        try await withStore { store in
            let message = ConformanceMessages.track("order-1001")
            let shop = try await store.append([message], source: "shop")
            let crm = try await store.append([message], source: "crm")
            try expectEqual(shop.inserted + crm.inserted, 2, "inserted across both sources")
            try expectEqual(try await store.append([message], source: "crm").duplicates, 1, "replay into crm")
            let events = try await store.read(after: 0, limit: 10)
            try expectEqual(events.map(\.source), ["shop", "crm"], "sources in seq order")
            try expectEqual(Set(events.map(\.message.messageId)), ["order-1001"], "stored ids")
        }
    }

    /// `read(after:limit:)` pages through the log in seq order without gaps or repeats.
    public func checkReadPaginatesInSeqOrder() async throws {
        try await withStore { store in
            let appended = try await store.append(ConformanceMessages.tracks("p", count: 7), source: "shop")
            var seen: [StoredEvent] = []
            var after: Int64 = 0
            var pages = 0
            while true {
                let page = try await store.read(after: after, limit: 3)
                guard let last = page.last else { break }
                try expect(page.count <= 3, "a page of limit 3 has \(page.count) events")
                try expect(page.allSatisfy { $0.seq > after }, "a page holds events at or before its start")
                seen += page
                after = last.seq
                pages += 1
                try expect(pages <= 7, "pagination does not end")
            }
            try expectEqual(pages, 3, "pages of 3 over 7 events")
            try expectEqual(seen.map(\.seq), appended.seqs, "seqs read back, in order")
            try expectEqual(seen.map(\.message.messageId), (0..<7).map { "p-\($0)" }, "ids read back, in order")
            try expectEqual(try await store.read(after: 0, limit: 0).count, 0, "events read with limit 0")
            let middle = appended.seqs[3]
            try expectEqual(try await store.read(after: middle, limit: 100).map(\.seq), Array(appended.seqs[4...]),
                            "events after the fourth")
            try expectEqual(try await store.read(after: try await store.lastSeq(), limit: 10).count, 0,
                            "events after lastSeq")
        }
    }

    /// Every field of a message, odd values included, reads back exactly, with its source and receivedAt.
    public func checkMessageRoundTrip() async throws {
        try await withStore { store in
            let rich = ConformanceMessages.rich("rich-1")
            var minimal = Message(type: .page, messageId: "min-1", timestamp: ConformanceMessages.start, anonymousId: "a")
            minimal.receivedAt = ConformanceMessages.start.addingTimeInterval(60)
            _ = try await store.append([rich, minimal], source: "sdk")
            let events = try await store.read(after: 0, limit: 10)
            try expectEqual(events.count, 2, "events stored")
            try expectEqual(events[0].message, rich, "the rich message read back")
            try expectEqual(events[1].message, minimal, "the minimal message read back")
            try expectEqual(events[0].source, "sdk", "source of the rich message")
            try expectEqual(events[0].receivedAt, rich.receivedAt, "receivedAt taken from the message")
        }
    }

    /// Empty source, empty messageId and negative limits are rejected, and nothing is stored.
    public func checkAppendRejectsInvalidInput() async throws {
        try await withStore { store in
            try await expectStoreError(.invalidArgument, "append with an empty source") {
                try await store.append([ConformanceMessages.track("a")], source: "")
            }
            let batch = [ConformanceMessages.track("ok-1"), ConformanceMessages.track("")]
            let error = try await expectStoreError(.invalidArgument, "append with an empty messageId") {
                try await store.append(batch, source: "shop")
            }
            try expect(error.message.contains("messageId"), "the error names messageId: \(error.message)")
            try expectEqual(try await store.count(), 0, "events stored after rejected appends")
            try await expectStoreError(.invalidArgument, "read with a negative limit") {
                try await store.read(after: 0, limit: -1)
            }
        }
    }

    /// A batch with a message that cannot be encoded (a NaN number) stores none of its messages.
    public func checkUnencodableMessageStoresNothing() async throws {
        try await withStore { store in
            let batch = [
                ConformanceMessages.track("n-1"), ConformanceMessages.track("n-2", total: .double(.nan)),
                ConformanceMessages.track("n-3"),
            ]
            let error = try await expectStoreError(.encoding, "append with a NaN total") {
                try await store.append(batch, source: "shop")
            }
            try expect(error.message.contains("n-2"), "the error names the message n-2: \(error.message)")
            try expectEqual(try await store.count(), 0, "events stored after the failed append")
            try expectEqual(try await store.lastSeq(), 0, "lastSeq after the failed append")
        }
    }
}
