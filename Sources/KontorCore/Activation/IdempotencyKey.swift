/// The deterministic key of an outbox job: the same destination, profile,
/// operation and payload always give the same key.
///
/// A planner that runs twice over the same change (say after a crash between
/// planning and commit) produces the same key, and the outbox refuses the
/// duplicate. The store keeps keys unique among jobs not yet finished, so a
/// profile that is added, removed and added again with the same payload gets
/// a new job the second time.
///
/// ```swift
/// IdempotencyKey.make(destination: "newsletter", profileID: "p1", operation: .add, payloadHash: hash)
/// // "add:3f9a…" (the operation, then 64 hex digits)
/// ```
public enum IdempotencyKey {
    /// `<operation>:<sha256 hex of the length-prefixed fields>`.
    public static func make(
        destination: String, profileID: String, operation: OutboxOperation, payloadHash: String
    ) -> String {
        let fields = [destination, profileID, operation.rawValue, payloadHash]
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return operation.rawValue + ":" + PIIHasher.hash(text, algorithm: .sha256, digest: .hex)
    }
}
