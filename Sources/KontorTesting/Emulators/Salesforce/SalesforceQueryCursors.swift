import Synchronization

/// Server-side query cursors behind `nextRecordsUrl` (a snapshot of the matching ids, as Salesforce keeps).
final class SalesforceQueryCursors: Sendable {
    struct Cursor: Sendable {
        var object: SalesforceObject
        var personIDs: [Int]
        var fields: [String]
        var batchSize: Int
    }

    private let state = Mutex<(next: Int, cursors: [String: Cursor])>((1, [:]))

    /// Stores `cursor` and returns its locator, e.g. `01g000000000001AAA`.
    func open(_ cursor: Cursor) -> String {
        state.withLock { state in
            let locator = "01g" + String(state.next, radix: 36).uppercased().leftPadded(to: 12) + "AAA"
            state.next += 1
            state.cursors[locator] = cursor
            return locator
        }
    }

    func cursor(_ locator: String) -> Cursor? {
        state.withLock { $0.cursors[locator] }
    }
}
