import Foundation

/// The audit record of one merge: what was merged, why, and by which message.
///
/// It keeps every merged profile as it was just before the merge (identities,
/// creation time, merge count), so `UnmergePlanner` can give each absorbed
/// profile back exactly its identities; traits are then recomputed from each
/// side's events.
///
/// ```text
/// merge of 3 into 1 by message m-42 at 2024-05-01T10:00:00Z: email:ada@example.com → 1, anonymous_id:a-9 → 3
/// ```
public struct MergeRecord: Sendable, Hashable, Codable {
    /// The message that linked the profiles.
    public var messageID: String
    /// The message's timestamp.
    public var at: Date
    /// The profile that stays (the oldest), as it was before the merge.
    public var survivor: ProfileIdentities
    /// The profiles merged into the survivor, oldest first, as they were before the merge.
    public var absorbed: [ProfileIdentities]
    /// Identifiers of the message that no profile held yet; they go to the survivor.
    public var newIdentities: [Identity]
    /// Why: for each merged profile, the identifier of the message that pointed to it.
    public var links: [MergeLink]

    public init(
        messageID: String, at: Date, survivor: ProfileIdentities, absorbed: [ProfileIdentities],
        newIdentities: [Identity], links: [MergeLink]
    ) {
        self.messageID = messageID
        self.at = at
        self.survivor = survivor
        self.absorbed = absorbed
        self.newIdentities = newIdentities
        self.links = links
    }

    /// The survivor's identities after the merge, sorted.
    public var mergedIdentities: [Identity] {
        Array(Set(survivor.identities + absorbed.flatMap(\.identities) + newIdentities)).sorted()
    }

    /// The survivor's merge count after the merge: its own, those of the absorbed profiles, and one per absorbed profile.
    public var mergeCountAfter: Int {
        survivor.mergeCount + absorbed.reduce(0) { $0 + $1.mergeCount + 1 }
    }

    /// The survivor as it is right after the merge.
    public var mergedProfile: ProfileIdentities {
        ProfileIdentities(
            id: survivor.id, identities: mergedIdentities, createdAt: survivor.createdAt, mergeCount: mergeCountAfter,
            separatedFrom: absorbed.reduce(survivor.separatedFrom) { $0.union($1.separatedFrom) })
    }

    /// One line for the audit log and `kontor profiles show`.
    public var summary: String {
        let ids = absorbed.map(\.id).joined(separator: ", ")
        let why = links.map { "\($0.identity) → \($0.profile)" }.joined(separator: ", ")
        return "merge of \(ids) into \(survivor.id) by message \(messageID) at \(DateFormat.rfc3339.string(from: at)): \(why)"
    }
}

/// One reason for a merge: the message's `identity` pointed to `profile`.
public struct MergeLink: Sendable, Hashable, Codable {
    public var identity: Identity
    public var profile: ProfileID

    public init(identity: Identity, profile: ProfileID) {
        self.identity = identity
        self.profile = profile
    }
}
