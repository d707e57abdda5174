import Foundation
import KontorCore

/// One profile as the store holds it: its identities, traits with provenance,
/// computed-trait accumulators, consent history and merge bookkeeping.
///
/// The profile builder loads it, folds messages into it with the pure types
/// of `KontorCore` (`ProfileState`, `ComputedTraitState`, `ConsentState`) and
/// saves it back in the same transaction as its consumer position. A profile
/// absorbed by a merge stays in the store with `mergedInto` set, so that the
/// merge can be undone and old ids still resolve.
///
/// ```swift
/// var profile = StoredProfile(id: "p-1a2b", createdAt: message.timestamp, updatedAt: now)
/// profile.traits.fold(message, source: "popup")
/// try tx.saveProfile(profile)
/// ```
public struct StoredProfile: Sendable, Hashable {
    public var id: ProfileID
    /// The identities pointing at this profile, sorted (empty for a merged-away profile).
    public var identities: [Identity]
    /// Traits with per-leaf provenance.
    public var traits: ProfileState
    /// Running state of each computed trait.
    public var computed: ComputedTraitState
    /// Computed (and derived) trait values as of the last save, for readers that cannot compute them.
    public var computedValues: [String: JSONValue]
    /// Every consent choice, oldest first.
    public var consent: ConsentState
    /// When the profile was first seen: the timestamp of the message that created it.
    public var createdAt: Date
    /// When the profile row last changed.
    public var updatedAt: Date
    /// Merges this profile went through, including those of the profiles it absorbed.
    public var mergeCount: Int
    /// Profiles an unmerge split off from this one.
    public var separatedFrom: Set<ProfileID>
    /// The profile that absorbed this one, or `nil` while it is live.
    public var mergedInto: ProfileID?
    /// Set when segments must re-evaluate the profile (it changed, or was merged away).
    public var isDirty: Bool

    public init(
        id: ProfileID, identities: [Identity] = [], traits: ProfileState = ProfileState(),
        computed: ComputedTraitState = ComputedTraitState(), computedValues: [String: JSONValue] = [:],
        consent: ConsentState = ConsentState(), createdAt: Date, updatedAt: Date, mergeCount: Int = 0,
        separatedFrom: Set<ProfileID> = [], mergedInto: ProfileID? = nil, isDirty: Bool = false
    ) {
        self.id = id
        self.identities = identities
        self.traits = traits
        self.computed = computed
        self.computedValues = computedValues
        self.consent = consent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.mergeCount = mergeCount
        self.separatedFrom = separatedFrom
        self.mergedInto = mergedInto
        self.isDirty = isDirty
    }

    /// `true` while no other profile has absorbed this one.
    public var isLive: Bool { mergedInto == nil }

    /// What identity resolution needs to know about this profile.
    public var identityRecord: ProfileIdentities {
        ProfileIdentities(
            id: id, identities: identities, createdAt: createdAt, mergeCount: mergeCount, separatedFrom: separatedFrom)
    }
}
