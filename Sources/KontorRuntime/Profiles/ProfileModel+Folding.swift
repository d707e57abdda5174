import Foundation
import KontorCore
import KontorStore

extension ProfileModel {
    /// What folding one message found worth counting.
    struct FoldCounts {
        /// Computed traits whose `where` failed on the message.
        var failedTraitFilters = 0
        /// Consent purposes the message decided that the deployment does not declare.
        var ignoredConsentPurposes = 0
    }

    /// Folds `message` into the profile's traits, computed traits and consent, and marks it dirty.
    func fold(_ message: Message, source: String, into profile: inout StoredProfile, at now: Date) -> FoldCounts {
        profile.traits.policy = policy
        profile.traits.fold(message, source: source)
        var counts = FoldCounts()
        counts.failedTraitFilters = traits.add(message, to: &profile.computed).count
        let extraction = ConsentExtractor(consent).entries(in: message, source: source)
        for entry in extraction.entries { profile.consent.record(entry) }
        counts.ignoredConsentPurposes = extraction.ignoredPurposes.count
        profile.isDirty = true
        profile.updatedAt = now
        return counts
    }

    /// Drops windowed samples no future window needs and refreshes the stored computed values.
    func refreshComputed(_ profile: inout StoredProfile, at now: Date) {
        profile.computed.prune(before: now)
        profile.computedValues = computedValues(profile.computed, at: now)
    }
}
