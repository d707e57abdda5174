import Foundation
import KontorCore
import KontorStore

/// ``SegmentMembersSource`` over the profile store: open memberships, each
/// profile's view (``KontorCore/ProfileView``) and its consent under the
/// deployment's consent settings.
///
/// ```swift
/// let members = ProfileStoreMembers(store: store, consent: deployment.consent)
/// ```
public struct ProfileStoreMembers: SegmentMembersSource {
    public let store: any ProfileStore
    public let consent: ConsentSettings

    public init(store: any ProfileStore, consent: ConsentSettings) {
        self.store = store
        self.consent = consent
    }

    public func members(of segments: [String], consentPurpose: String?) async throws -> [SegmentMember] {
        let consent = self.consent
        return try await store.profileRead { reader in
            var segmentOf: [ProfileID: String] = [:]
            for segment in segments {
                for id in try reader.members(of: segment, limit: Int.max) where segmentOf[id] == nil {
                    segmentOf[id] = segment
                }
            }
            var members: [SegmentMember] = []
            for id in segmentOf.keys.sorted() {
                guard let profile = try reader.profile(id), profile.isLive else { continue }
                let view = ProfileView(
                    id: profile.id, traits: profile.traits.traits, computed: profile.computedValues,
                    consent: profile.consent.view(consent), identities: ProfileView.grouped(profile.identities),
                    createdAt: profile.createdAt, updatedAt: profile.updatedAt)
                var variables = view.variables()
                variables["segments"] = nil
                variables["segment"] = .string(segmentOf[id] ?? "")
                let granted = consentPurpose.map {
                    profile.consent.isGranted($0, default: consent.defaultStatus)
                } ?? true
                members.append(SegmentMember(profileID: id, view: .object(variables), consented: granted))
            }
            return members
        }
    }
}
