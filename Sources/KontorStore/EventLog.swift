import KontorCore

/// The append-only log of every message that entered Kontor, deduplicated by
/// `(source, messageId)`.
///
/// Downstream steps (the ProfileBuilder first) read it in `seq` order and
/// remember how far they got with a ``ConsumerPositionStore``.
///
/// ```swift
/// let result = try await store.append(messages, source: "popup")
/// var after: Int64 = 0
/// while true {
///     let page = try await store.read(after: after, limit: 500)
///     guard let last = page.last else { break }
///     process(page)
///     after = last.seq
/// }
/// ```
public protocol EventLog: Sendable {
    /// Stores the messages that are new for `source`, in one transaction.
    ///
    /// Messages whose `(source, messageId)` is already stored, or repeated
    /// earlier in the batch, are counted as duplicates. An empty `source` or
    /// `messageId` is rejected (`.invalidArgument`) and nothing is stored; so
    /// is a batch with a message that cannot be encoded (`.encoding`).
    func append(_ messages: [Message], source: String) async throws(StoreError) -> AppendResult

    /// Up to `limit` events with `seq > after`, in `seq` order. `limit` must not be negative.
    func read(after seq: Int64, limit: Int) async throws(StoreError) -> [StoredEvent]

    /// How many events the log holds.
    func count() async throws(StoreError) -> Int

    /// The highest `seq` ever assigned, or 0 when the log is empty; `read(after: 0, …)` starts at the beginning.
    func lastSeq() async throws(StoreError) -> Int64
}
