import Foundation

/// What identity resolution needs to know about one existing profile: its
/// identities, when it was created, how many merges it has been through, and
/// which profiles an unmerge separated it from.
public struct ProfileIdentities: Sendable, Hashable, Codable {
    public var id: ProfileID
    public var identities: [Identity]
    public var createdAt: Date
    /// Merges this profile went through, including those of the profiles it absorbed.
    public var mergeCount: Int
    /// Profiles an unmerge split off from this one; they are never merged again automatically.
    public var separatedFrom: Set<ProfileID>

    public init(id: ProfileID, identities: [Identity], createdAt: Date, mergeCount: Int = 0, separatedFrom: Set<ProfileID> = []) {
        self.id = id
        self.identities = identities
        self.createdAt = createdAt
        self.mergeCount = mergeCount
        self.separatedFrom = separatedFrom
    }

    /// Older first; the profile id breaks ties, so the survivor of a merge is always the same.
    static func isOlder(_ left: ProfileIdentities, than right: ProfileIdentities) -> Bool {
        left.createdAt != right.createdAt ? left.createdAt < right.createdAt : left.id < right.id
    }
}

/// The part of the identity graph one message touches: the profiles its
/// identities point to now. The store reads it; the resolver only looks.
public struct IdentitySnapshot: Sendable, Hashable {
    public private(set) var profiles: [ProfileID: ProfileIdentities]
    private var owners: [Identity: ProfileID]

    public init(_ profiles: [ProfileIdentities] = []) {
        self.profiles = [:]
        self.owners = [:]
        for profile in profiles { insert(profile) }
    }

    /// Adds or replaces a profile (and points its identities at it).
    public mutating func insert(_ profile: ProfileIdentities) {
        if let old = profiles[profile.id] {
            for identity in old.identities where owners[identity] == profile.id { owners[identity] = nil }
        }
        profiles[profile.id] = profile
        for identity in profile.identities { owners[identity] = profile.id }
    }

    /// Removes a profile (absorbed by a merge) and the pointers to it.
    public mutating func remove(_ id: ProfileID) {
        guard let old = profiles.removeValue(forKey: id) else { return }
        for identity in old.identities where owners[identity] == id { owners[identity] = nil }
    }

    /// The profile `identity` points to, if any.
    public func owner(of identity: Identity) -> ProfileID? { owners[identity] }
}
