/// How to undo one merge: the profiles to re-create or keep, each with its
/// identities and the messages whose traits and computed traits it keeps.
///
/// The first side is the survivor (it keeps its id); the others are the
/// absorbed profiles, restored with their old ids, creation times and merge
/// counts. The runtime re-points identities, re-folds each side's traits from
/// its messages, and stores `separations` so the next message carrying both
/// sides' identifiers does not merge them again.
public struct UnmergePlan: Sendable, Hashable {
    /// One profile after the unmerge.
    public struct Side: Sendable, Hashable {
        public var profile: ProfileIdentities
        /// The messages of this side, in the order given to the planner.
        public var messageIDs: [String]

        public init(profile: ProfileIdentities, messageIDs: [String]) {
            self.profile = profile
            self.messageIDs = messageIDs
        }
    }

    /// The survivor first, then each restored profile in the record's order.
    public var sides: [Side]

    public init(sides: [Side]) {
        self.sides = sides
    }

    public var survivor: Side { sides[0] }
    public var restored: [Side] { Array(sides.dropFirst()) }

    /// Pairs of profiles that must not be merged automatically again.
    public var separations: [(ProfileID, ProfileID)] {
        restored.map { (survivor.profile.id, $0.profile.id) }
    }
}

/// A message of a merged profile, with the profile it belonged to when it was resolved.
public struct AttributedMessage: Sendable, Hashable {
    public var message: Message
    /// The profile the message was attached to when processed (before any later merge).
    public var owner: ProfileID

    public init(_ message: Message, owner: ProfileID) {
        self.message = message
        self.owner = owner
    }
}
