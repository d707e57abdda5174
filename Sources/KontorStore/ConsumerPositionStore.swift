/// How far each reader of the event log has got.
///
/// A consumer (the ProfileBuilder, later others) processes events after its
/// position and moves the position in the same transaction as the effects of
/// those events, through ``StoreTransaction/setPosition(_:consumer:)``; so a
/// crash never skips an event and never applies one twice.
public protocol ConsumerPositionStore: Sendable {
    /// The last `seq` the consumer has processed, or 0 when it has not started.
    func position(consumer: String) async throws(StoreError) -> Int64

    /// Sets the consumer's position on its own (e.g. to rebuild from the start).
    /// To move it together with the work it stands for, use a ``StoreTransaction``.
    func setPosition(_ position: Int64, consumer: String) async throws(StoreError)
}
