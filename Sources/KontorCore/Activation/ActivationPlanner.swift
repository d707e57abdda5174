/// Plans the outbox jobs of one destination: the desired members (segment
/// members with consent, mapped) against `destination_state` (what Kontor
/// knows the destination holds), by the destination's mode.
///
/// Pure and deterministic: the same inputs give the same jobs, in the same
/// order, with the same idempotency keys. The caller commits
/// ``ActivationPlan/jobs`` and ``ActivationPlan/stateChanges`` in the
/// transaction in which it read the state.
///
/// - A new member → `add` (modes add, upsert, mirror).
/// - A held member whose mapped payload hash changed → `update` (update, upsert, mirror).
///   Traits the mapping does not read never change the hash, so never cause an update.
/// - A held member who left the segment or withdrew consent → `remove`
///   with the payload the destination holds (remove, mirror).
/// - A member whose payload could not be built keeps its state: no job, no remove.
///
/// ```swift
/// let planner = ActivationPlanner(destination: "newsletter", mode: .mirror)
/// let plan = planner.plan(desired: members, known: state)
/// try store.commit(plan.jobs, plan.stateChanges)   // one transaction
/// ```
public struct ActivationPlanner: Sendable {
    public var destination: String
    public var mode: ActionMode

    public init(destination: String, mode: ActionMode) {
        self.destination = destination
        self.mode = mode
    }

    /// The plan for this destination.
    /// - Parameters:
    ///   - desired: the segment members; those with `consented: false` count as departed.
    ///     When a profile appears twice, the first entry wins.
    ///   - known: the destination's `destination_state` rows.
    ///   - invalid: members whose payload could not be built; they are held as they are.
    public func plan(
        desired: [DesiredMember], known: [DestinationStateEntry], invalid: [RecordPlanningError] = []
    ) -> ActivationPlan {
        var held: [String: DestinationStateEntry] = [:]
        for entry in known { held[entry.profileID] = entry }
        var members: [String: DesiredMember] = [:]
        for member in desired where members[member.profileID] == nil { members[member.profileID] = member }
        let withdrawn = Set(members.values.filter { !$0.consented }.map(\.profileID))
        let invalidIDs = Set(invalid.map(\.profileID)).subtracting(withdrawn)

        var plan = ActivationPlan(destination: destination)
        plan.errors = invalid.filter { invalidIDs.contains($0.profileID) }.sorted { $0.profileID < $1.profileID }
        plan.counts.invalid = plan.errors.count
        var changes: [(job: PlannedJob, state: DestinationStateChange)] = []

        for member in members.values where member.consented && !invalidIDs.contains(member.profileID) {
            if let change = planPresent(member, held: held[member.profileID], counts: &plan.counts) {
                changes.append(change)
            }
        }
        let staying = Set(members.values.filter(\.consented).map(\.profileID)).union(invalidIDs)
        for entry in held.values where !staying.contains(entry.profileID) {
            if let change = planDeparted(entry, counts: &plan.counts) { changes.append(change) }
        }
        changes.sort { $0.job.profileID < $1.job.profileID }
        plan.jobs = changes.map(\.job)
        plan.stateChanges = changes.map(\.state)
        return plan
    }

    private func planPresent(
        _ member: DesiredMember, held: DestinationStateEntry?, counts: inout ActivationPlan.Counts
    ) -> (job: PlannedJob, state: DestinationStateChange)? {
        let hash = PayloadHash.of(member.payload)
        let operation: OutboxOperation
        if let held {
            guard held.payloadHash != hash else { counts.unchanged += 1; return nil }
            guard mode.updatesChangedMembers else { counts.ignored += 1; return nil }
            operation = .update
            counts.updates += 1
        } else {
            guard mode.addsNewMembers else { counts.ignored += 1; return nil }
            operation = .add
            counts.adds += 1
        }
        let job = PlannedJob(
            destination: destination, profileID: member.profileID, operation: operation,
            payload: member.payload, payloadHash: hash)
        let entry = DestinationStateEntry(profileID: member.profileID, payloadHash: hash, payload: member.payload)
        return (job, .put(entry))
    }

    private func planDeparted(
        _ entry: DestinationStateEntry, counts: inout ActivationPlan.Counts
    ) -> (job: PlannedJob, state: DestinationStateChange)? {
        guard mode.removesDepartedMembers else { counts.ignored += 1; return nil }
        counts.removes += 1
        let job = PlannedJob(
            destination: destination, profileID: entry.profileID, operation: .remove,
            payload: entry.payload, payloadHash: entry.payloadHash)
        return (job, .delete(profileID: entry.profileID))
    }
}
