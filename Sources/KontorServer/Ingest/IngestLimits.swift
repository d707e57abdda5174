/// The size limits of the ingest API, the ones Segment's tracking API documents.
///
/// Sizes are of the uncompressed JSON: a gzip body is inflated with the same
/// cap, so a small compressed body cannot expand without bound (a "gzip bomb").
/// A message inside a batch is measured as its compact JSON text.
public struct IngestLimits: Sendable, Hashable {
    /// The most bytes of one message: 32 KB.
    public var messageBytes: Int
    /// The most bytes of one `/v1/batch` body: 500 KB.
    public var batchBytes: Int

    public init(messageBytes: Int = 32 * 1024, batchBytes: Int = 500 * 1024) {
        self.messageBytes = messageBytes
        self.batchBytes = batchBytes
    }

    /// The Segment limits: 32 KB per message, 500 KB per batch.
    public static let segment = IngestLimits()

    /// `32 KB` for 32768: how error messages name a limit.
    static func describe(_ bytes: Int) -> String {
        bytes % 1024 == 0 ? "\(bytes / 1024) KB" : "\(bytes) bytes"
    }
}
