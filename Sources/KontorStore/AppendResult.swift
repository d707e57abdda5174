/// What an append did: how many messages were new, how many the log already
/// held, and the sequence numbers given to the new ones.
///
/// A duplicate is a message whose `(source, messageId)` pair is already
/// stored, or appears earlier in the same batch; it is counted, not an error,
/// so that a retried page or a replayed webhook changes nothing.
public struct AppendResult: Sendable, Hashable {
    /// Messages written by this append.
    public var inserted: Int
    /// Messages skipped because their `(source, messageId)` was already stored.
    public var duplicates: Int
    /// The sequence numbers of the inserted messages, in the order they were given.
    public var seqs: [Int64]

    public init(inserted: Int = 0, duplicates: Int = 0, seqs: [Int64] = []) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.seqs = seqs
    }

    /// Both results together, as if they were one append.
    public func adding(_ other: AppendResult) -> AppendResult {
        AppendResult(inserted: inserted + other.inserted, duplicates: duplicates + other.duplicates,
                     seqs: seqs + other.seqs)
    }
}
