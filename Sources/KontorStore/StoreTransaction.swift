import KontorCore

/// The operations that can share one store transaction.
///
/// Obtained inside ``KontorStore/transaction(_:)``; everything done through it
/// commits together when the body returns, and none of it when the body throws.
/// That is how a step commits its progress with its effect (principle 3):
/// processed events and the consumer position, a page and its cursor.
///
/// The body runs synchronously on the engine's writer: it must be short and do
/// no I/O of its own. Later issues add profile, membership and outbox operations.
///
/// ```swift
/// try await store.transaction { tx in
///     let events = try tx.read(after: try tx.position(consumer: "profiles"), limit: 500)
///     // … apply the events …
///     if let last = events.last { try tx.setPosition(last.seq, consumer: "profiles") }
/// }
/// ```
public protocol StoreTransaction {
    /// ``EventLog/append(_:source:)`` inside this transaction.
    func append(_ messages: [Message], source: String) throws(StoreError) -> AppendResult

    /// ``EventLog/read(after:limit:)`` inside this transaction.
    func read(after seq: Int64, limit: Int) throws(StoreError) -> [StoredEvent]

    /// ``SyncStateStore/cursor(source:stream:partition:)`` inside this transaction.
    func cursor(source: String, stream: String, partition: String) throws(StoreError) -> JSONValue?

    /// Sets the cursor of a stream partition.
    func setCursor(_ cursor: JSONValue, source: String, stream: String, partition: String) throws(StoreError)

    /// ``ConsumerPositionStore/position(consumer:)`` inside this transaction.
    func position(consumer: String) throws(StoreError) -> Int64

    /// Moves the consumer's position, committed with the rest of the transaction.
    func setPosition(_ position: Int64, consumer: String) throws(StoreError)
}
