import Foundation
import KontorCore
import KontorStore

/// The result of planning one destination: the plan, and (unless it was a dry run)
/// what the outbox stored.
public struct ActivationRun: Sendable {
    public var destination: String
    /// Desired members read (segment members, with or without consent).
    public var members: Int
    /// Of those, members without the destination's consent (planned as departed).
    public var withoutConsent: Int
    public var plan: ActivationPlan
    /// `nil` for a dry run.
    public var stored: EnqueueResult?

    public init(destination: String, members: Int, withoutConsent: Int, plan: ActivationPlan, stored: EnqueueResult?) {
        self.destination = destination
        self.members = members
        self.withoutConsent = withoutConsent
        self.plan = plan
        self.stored = stored
    }

    /// Counts for the run history and logs.
    public var historyCounts: [String: Int] {
        var counts = [
            "members": members, "without_consent": withoutConsent, "adds": plan.counts.adds,
            "updates": plan.counts.updates, "removes": plan.counts.removes, "unchanged": plan.counts.unchanged,
            "ignored": plan.counts.ignored, "invalid": plan.counts.invalid,
        ]
        if let stored {
            counts["enqueued"] = stored.enqueued
            counts["duplicates"] = stored.duplicates
            counts["superseded"] = stored.superseded
        }
        return counts
    }
}
