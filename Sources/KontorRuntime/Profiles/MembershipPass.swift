import Foundation
import KontorCore
import KontorStore

/// Evaluates segments on a chunk of profiles and writes the membership changes.
struct MembershipPass {
    let model: ProfileModel
    let now: Date

    /// `profiles` may include merged-away ones: they leave every segment (`profile_removed`).
    func apply(to profiles: [StoredProfile], only names: Set<String>?, in tx: any ProfileTransaction)
        throws(StoreError) -> SegmentPassSummary
    {
        var summary = SegmentPassSummary()
        let previous = try tx.openSegments(of: profiles.map(\.id))
        let removed = Set(profiles.filter { !$0.isLive }.map(\.id))
        var outcomes: [String: [ProfileID: SegmentOutcome]] = [:]
        for profile in profiles where profile.isLive {
            summary.evaluated += 1
            let view = model.view(of: profile, at: now)
            for (segment, outcome) in model.segments.evaluate(view, now: now, only: names) {
                outcomes[segment, default: [:]][profile.id] = outcome
            }
        }
        summary.removed = removed.count
        var segments = model.segments.rules.map(\.name).filter { names?.contains($0) ?? true }
        if names == nil {
            // Segments no longer configured still close the stays of merged-away profiles.
            let stale = Set(removed.flatMap { previous[$0] ?? [] }).subtracting(segments)
            segments += stale.sorted()
        }
        var changes: [MembershipChange] = []
        for segment in segments {
            let members = Set(previous.filter { $0.value.contains(segment) }.map(\.key))
            let diff = MembershipDiff(
                segment: segment, previous: members, outcomes: outcomes[segment] ?? [:], removed: removed, at: now)
            changes += diff.changes
            summary.entered += diff.entered.count
            summary.exited += diff.exited.count
            if !diff.failures.isEmpty { summary.failures[segment, default: 0] += diff.failures.count }
        }
        try tx.applyMembershipChanges(changes)
        return summary
    }
}
