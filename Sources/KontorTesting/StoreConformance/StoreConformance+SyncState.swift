import Foundation
import KontorCore
import KontorStore

extension StoreConformance {
    /// Cursors of every JSON kind read back exactly as committed.
    public func checkCursorRoundTrip() async throws {
        let cursors: [JSONValue] = [
            "2024-05-01T10:00:00Z", 1_714_557_600, 6_248_377_106_491, 2.5, true, .null, [],
            ["updated_at_min": "2024-05-01T10:00:00+02:00", "page_info": "eyJsYXN0X2lkIjo0MiJ9"],
            ["ids": [1, 2, 3], "nested": ["deep": ["deeper": "ü/🏃"]], "flag": false],
        ]
        try await withStore { store in
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), nil, "cursor before any commit")
            for (index, cursor) in cursors.enumerated() {
                _ = try await store.commitPage(source: "shop", stream: "orders", messages: [], cursor: cursor)
                let stored = try await store.cursor(source: "shop", stream: "orders")
                try expectEqual(stored, cursor, "cursor \(index + 1) read back")
            }
        }
    }

    /// A cursor belongs to one (source, stream, partition); others are untouched.
    public func checkCursorsAreKeyedByPartition() async throws {
        try await withStore { store in
            _ = try await store.commitPage(source: "shop", stream: "orders", partition: "", messages: [], cursor: 1)
            _ = try await store.commitPage(source: "shop", stream: "orders", partition: "eu", messages: [], cursor: 2)
            _ = try await store.commitPage(source: "shop", stream: "customers", partition: "", messages: [], cursor: 3)
            _ = try await store.commitPage(source: "crm", stream: "orders", partition: "", messages: [], cursor: 4)
            try expectEqual(try await store.cursor(source: "shop", stream: "orders", partition: ""), 1, "shop.orders")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders", partition: "eu"), 2, "shop.orders[eu]")
            try expectEqual(try await store.cursor(source: "shop", stream: "customers"), 3, "shop.customers")
            try expectEqual(try await store.cursor(source: "crm", stream: "orders"), 4, "crm.orders")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders", partition: "us"), nil, "shop.orders[us]")
            let states = try await store.syncStates(source: "shop")
            try expectEqual(states.map { "\($0.stream)/\($0.partition)" }, ["customers/", "orders/", "orders/eu"],
                            "shop's sync states, ordered")
            try expectEqual(try await store.syncStates(source: nil).count, 4, "all sync states")
        }
    }

    /// A page commit stores its messages (with dedupe) and its cursor; a nil cursor keeps the stored one.
    public func checkCommitPageStoresMessagesAndCursor() async throws {
        try await withStore { store in
            let page1 = ConformanceMessages.tracks("o", count: 3)
            let first = try await store.commitPage(source: "shop", stream: "orders", messages: page1, cursor: ["since": 3])
            try expectEqual(first.inserted, 3, "inserted by page 1")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), ["since": 3], "cursor after page 1")
            // A crash after the commit makes the runner pull page 1 again: only duplicates.
            let replay = try await store.commitPage(source: "shop", stream: "orders", messages: page1, cursor: ["since": 3])
            try expectEqual(replay, AppendResult(inserted: 0, duplicates: 3, seqs: []), "replayed page 1")
            let page2 = [ConformanceMessages.track("o-2"), ConformanceMessages.track("o-3")]
            let second = try await store.commitPage(source: "shop", stream: "orders", messages: page2, cursor: nil)
            try expectEqual(second.inserted, 1, "inserted by page 2 (o-2 is a duplicate)")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), ["since": 3], "cursor after a nil cursor")
            let events = try await store.read(after: 0, limit: 10)
            try expectEqual(events.map(\.source), Array(repeating: "shop", count: 4), "events are stored under the source")
        }
    }

    /// A page commit that fails (a message or the cursor cannot be encoded) stores neither messages nor cursor.
    public func checkCommitPageIsAtomic() async throws {
        try await withStore { store in
            _ = try await store.commitPage(source: "shop", stream: "orders", messages: [ConformanceMessages.track("ok")],
                                           cursor: "c1")
            let badMessage = [
                ConformanceMessages.track("a-1"), ConformanceMessages.track("a-2", total: .double(.infinity)),
                ConformanceMessages.track("a-3"),
            ]
            try await expectStoreError(.encoding, "a page with an infinite total") {
                try await store.commitPage(source: "shop", stream: "orders", messages: badMessage, cursor: "c2")
            }
            try expectEqual(try await store.count(), 1, "events after the failed page")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), "c1", "cursor after the failed page")
            let badCursor: JSONValue = ["since": .double(.nan)]
            try await expectStoreError(.encoding, "a page with a NaN cursor") {
                try await store.commitPage(source: "shop", stream: "orders",
                                           messages: ConformanceMessages.tracks("b", count: 2), cursor: badCursor)
            }
            try expectEqual(try await store.count(), 1, "events after the page with a bad cursor")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), "c1", "cursor after the bad cursor")
        }
    }

    /// `resetState` forgets cursors of one stream, or of a whole source, and keeps events and other sources.
    public func checkResetState() async throws {
        try await withStore { store in
            let messages = ConformanceMessages.tracks("r", count: 2)
            _ = try await store.commitPage(source: "shop", stream: "orders", partition: "", messages: messages, cursor: 1)
            _ = try await store.commitPage(source: "shop", stream: "orders", partition: "eu", messages: [], cursor: 2)
            _ = try await store.commitPage(source: "shop", stream: "customers", messages: [], cursor: 3)
            _ = try await store.commitPage(source: "crm", stream: "orders", messages: [], cursor: 4)
            try await store.resetState(source: "shop", stream: "orders")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders"), nil, "shop.orders after reset")
            try expectEqual(try await store.cursor(source: "shop", stream: "orders", partition: "eu"), nil,
                            "shop.orders[eu] after reset")
            try expectEqual(try await store.cursor(source: "shop", stream: "customers"), 3, "shop.customers after reset")
            try await store.resetState(source: "shop", stream: nil)
            try expectEqual(try await store.syncStates(source: "shop").count, 0, "shop's states after a full reset")
            try expectEqual(try await store.cursor(source: "crm", stream: "orders"), 4, "crm.orders after shop's reset")
            try expectEqual(try await store.count(), 2, "events after the resets")
        }
    }
}
