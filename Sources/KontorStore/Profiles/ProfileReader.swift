import KontorCore

/// Synchronous reads of profiles, identities, merges and memberships, inside
/// one consistent view of the store (a read snapshot or a write transaction).
///
/// Obtained from ``ProfileStore/profileRead(_:)`` or, with the write
/// operations, as a ``ProfileTransaction``.
///
/// ```swift
/// let profile = try await store.profileRead { reader in
///     try reader.owner(of: Identity(.email, "ada@example.com")).flatMap { try reader.profile($0) }
/// }
/// ```
public protocol ProfileReader {
    /// The profile `identity` points to, if any (always a live profile).
    func owner(of identity: Identity) throws(StoreError) -> ProfileID?

    /// The profile with `id`, live or merged away, with its identities.
    func profile(_ id: ProfileID) throws(StoreError) -> StoredProfile?

    /// Up to `limit` live profiles with an id greater than `after` (from the start when `nil`), in id order.
    func profiles(after: ProfileID?, limit: Int) throws(StoreError) -> [StoredProfile]

    /// The ids of the profiles merged directly into `id`.
    func profileIDs(mergedInto id: ProfileID) throws(StoreError) -> [ProfileID]

    /// How many live profiles the store holds.
    func profileCount() throws(StoreError) -> Int

    /// Up to `limit` profiles marked dirty (live or merged away), in id order.
    func dirtyProfiles(limit: Int) throws(StoreError) -> [StoredProfile]

    /// The merge with `id`.
    func merge(_ id: MergeID) throws(StoreError) -> StoredMerge?

    /// Every merge whose survivor or absorbed profiles include one of `profiles`, oldest first.
    func merges(involving profiles: Set<ProfileID>) throws(StoreError) -> [StoredMerge]

    /// The events attached to any of `profiles` when they were processed, in `seq` order.
    func attributedEvents(of profiles: Set<ProfileID>) throws(StoreError) -> [AttributedEvent]

    /// The stored events with these `seq`s that the log still holds, in `seq` order.
    func events(seqs: [Int64]) throws(StoreError) -> [StoredEvent]

    /// Every stay of `profile` in any segment, oldest first.
    func memberships(of profile: ProfileID) throws(StoreError) -> [MembershipStay]

    /// The segments each of `profiles` is a member of now (profiles in none are left out).
    func openSegments(of profiles: [ProfileID]) throws(StoreError) -> [ProfileID: Set<String>]

    /// Up to `limit` current members of `segment`, in profile id order.
    func members(of segment: String, limit: Int) throws(StoreError) -> [ProfileID]

    /// Segment → number of current members, for every segment with at least one.
    func segmentSizes() throws(StoreError) -> [String: Int]

    /// Audit entries about `subject`, oldest first.
    func auditEntries(subject: String) throws(StoreError) -> [AuditEntry]
}

extension ProfileReader {
    /// The live profile `id` resolves to: itself, or the profile that (through
    /// one or more merges) absorbed it. `nil` when there is no such profile.
    public func liveProfileID(_ id: ProfileID) throws(StoreError) -> ProfileID? {
        var current = id
        var seen: Set<ProfileID> = []
        while let profile = try profile(current) {
            guard let next = profile.mergedInto else { return current }
            guard seen.insert(current).inserted else {
                throw StoreError(.decoding, "profiles \(seen.sorted().joined(separator: ", ")) are merged into each other in a cycle")
            }
            current = next
        }
        return nil
    }

    /// `id` and every profile merged into it, directly or through other merges.
    public func family(of id: ProfileID) throws(StoreError) -> Set<ProfileID> {
        var family: Set<ProfileID> = [id]
        var pending = [id]
        while let next = pending.popLast() {
            for child in try profileIDs(mergedInto: next) where family.insert(child).inserted {
                pending.append(child)
            }
        }
        return family
    }
}
