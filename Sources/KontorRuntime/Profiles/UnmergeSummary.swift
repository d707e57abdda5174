import KontorCore
import KontorStore

/// What undoing a merge did: the profiles it left, each with its identities
/// and the number of messages its traits were re-folded from.
public struct UnmergeSummary: Sendable, Hashable {
    public struct Side: Sendable, Hashable {
        public var profile: ProfileID
        public var identities: [Identity]
        public var messages: Int
    }

    public var merge: MergeID
    /// The survivor first, then each restored profile.
    public var sides: [Side]
    /// Events of the merged profile that the log no longer holds (retention): their traits are lost.
    public var missingEvents: Int
}
