import KontorCore

/// Where activation reads who should be at a destination: the members of
/// segments, each as the destination mapping sees it, with their consent.
///
/// The profile store conforms through ``ProfileStoreMembers``; tests pass a
/// fixed list.
///
/// ```swift
/// let members = try await source.members(of: ["running_fans"], consentPurpose: "email")
/// ```
public protocol SegmentMembersSource: Sendable {
    /// The profiles that are members of any of `segments` now, each once (with the first of
    /// `segments` it is a member of), sorted by profile id. `consented` tells whether the profile
    /// granted `consentPurpose` (always `true` when it is `nil`).
    func members(of segments: [String], consentPurpose: String?) async throws -> [SegmentMember]
}

/// A segment member as a destination mapping sees it.
public struct SegmentMember: Sendable, Hashable {
    public var profileID: ProfileID
    /// The mapping's variables: `traits`, `computed`, `profile`, `consent`, `identities`, `segment`.
    public var view: JSONValue
    public var consented: Bool

    public init(profileID: ProfileID, view: JSONValue, consented: Bool = true) {
        self.profileID = profileID
        self.view = view
        self.consented = consented
    }
}
