import KontorCore

/// Cursors of pull sources, and the page commit that stores a page's
/// messages together with the cursor that follows them.
///
/// The page commit is the heart of principle 3: a cursor never moves past
/// data that was not stored. A crash between pages resumes from the last
/// committed page; re-pulling that page only produces duplicates, which the
/// event log counts and skips.
///
/// ```swift
/// let cursor = try await store.cursor(source: "shop", stream: "orders")
/// // … fetch the page after `cursor` …
/// let result = try await store.commitPage(source: "shop", stream: "orders",
///                                         messages: messages, cursor: ["updated_at": "2024-05-01T10:00:00Z"])
/// ```
public protocol SyncStateStore: Sendable {
    /// The cursor last committed for the stream partition, or `nil` if none was.
    func cursor(source: String, stream: String, partition: String) async throws(StoreError) -> JSONValue?

    /// Appends `messages` to the event log under `source` (with dedupe) and,
    /// when `cursor` is not `nil`, sets the partition's cursor: both in one
    /// transaction, so either both happen or neither does.
    func commitPage(
        source: String, stream: String, partition: String, messages: [Message], cursor: JSONValue?
    ) async throws(StoreError) -> AppendResult

    /// Forgets the cursors of `stream` of `source` (every partition), or of all
    /// its streams when `stream` is `nil`: the next pull starts from scratch
    /// (`kontor sync --full-refresh`). Stored events are kept.
    func resetState(source: String, stream: String?) async throws(StoreError)

    /// Every stored cursor, of one source or of all when `source` is `nil`,
    /// ordered by source, stream and partition (for `kontor status`).
    func syncStates(source: String?) async throws(StoreError) -> [SyncState]
}

extension SyncStateStore {
    /// The cursor of an unpartitioned stream.
    public func cursor(source: String, stream: String) async throws(StoreError) -> JSONValue? {
        try await cursor(source: source, stream: stream, partition: "")
    }

    /// The page commit of an unpartitioned stream.
    public func commitPage(source: String, stream: String, messages: [Message], cursor: JSONValue?)
        async throws(StoreError) -> AppendResult
    {
        try await commitPage(source: source, stream: stream, partition: "", messages: messages, cursor: cursor)
    }
}
