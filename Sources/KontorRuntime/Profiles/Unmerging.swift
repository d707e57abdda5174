import Foundation
import KontorCore
import KontorStore

/// Undoes one merge inside a transaction: plans the split with
/// `UnmergePlanner`, re-folds each side from its messages, re-points
/// identities and events, marks the merge undone and audits it.
struct Unmerging {
    let tx: any ProfileTransaction
    let model: ProfileModel
    let now: Date
    let actor: String

    func undo(_ id: MergeID) throws(StoreError) -> UnmergeSummary {
        let (merge, survivor) = try checked(id)
        let record = merge.record
        let family = try tx.family(of: survivor.id)
        let attributed = try tx.attributedEvents(of: family)
        let stored = try tx.events(seqs: attributed.map(\.seq))
        let bySeq = Dictionary(uniqueKeysWithValues: stored.map { ($0.seq, $0) })
        let owners = try ownersBefore(merge, family: family)
        var messages: [AttributedMessage] = []
        var queues: [String: [StoredEvent]] = [:]
        for event in attributed {
            guard let stored = bySeq[event.seq] else { continue }
            messages.append(AttributedMessage(stored.message, owner: owners.resolve(event.profile)))
            queues[stored.message.messageId, default: []].append(stored)
        }
        let divider = attributed.first { $0.messageID == record.messageID }?.seq ?? Int64.max
        let plan = UnmergePlanner(rules: model.identity).plan(
            undoing: record, current: survivor.identityRecord, messages: messages)
        var sides: [UnmergeSummary.Side] = []
        for (index, side) in plan.sides.enumerated() {
            var events: [StoredEvent] = []
            for messageID in side.messageIDs {
                guard var queue = queues[messageID], !queue.isEmpty else { continue }
                events.append(queue.removeFirst())
                queues[messageID] = queue
            }
            try tx.saveProfile(rebuilt(side.profile, from: events))
            try tx.assign(side.profile.identities, to: side.profile.id)
            if index > 0 {
                for event in events where event.seq > divider {
                    try tx.attribute(AttributedEvent(seq: event.seq, messageID: event.message.messageId, profile: side.profile.id))
                }
            }
            sides.append(.init(profile: side.profile.id, identities: side.profile.identities.sorted(), messages: events.count))
        }
        try tx.markUnmerged(id, at: now)
        try tx.appendAudit(AuditEntry(
            at: now, actor: actor, action: "unmerge", subject: survivor.id,
            details: [
                "merge_id": .int(Int(id.rawValue)), "restored": .array(sides.dropFirst().map { .string($0.profile) }),
                "summary": .string(record.summary),
            ]))
        return UnmergeSummary(merge: id, sides: sides, missingEvents: attributed.count - stored.count)
    }

    /// The merge and its survivor, refusing what cannot be undone.
    private func checked(_ id: MergeID) throws(StoreError) -> (StoredMerge, StoredProfile) {
        guard let merge = try tx.merge(id) else {
            throw StoreError(.notFound, "there is no merge \(id); `kontor profiles show` lists a profile's merges")
        }
        if let undone = merge.unmergedAt {
            throw StoreError(.conflict, "merge \(id) was already undone at \(StoreTimestamp.string(from: undone))")
        }
        let survivor = try existing(merge.into)
        if let later = survivor.mergedInto {
            throw StoreError(
                .conflict,
                "profile \(survivor.id) was merged into \(later) after merge \(id); undo that merge first")
        }
        for absorbed in merge.absorbed {
            let profile = try existing(absorbed)
            guard profile.mergedInto == survivor.id else {
                throw StoreError(.conflict, "profile \(absorbed) is no longer merged into \(survivor.id); merge \(id) cannot be undone")
            }
        }
        return (merge, survivor)
    }

    private func existing(_ id: ProfileID) throws(StoreError) -> StoredProfile {
        guard let profile = try tx.profile(id) else { throw StoreError(.notFound, "profile '\(id)' does not exist") }
        return profile
    }

    /// A live profile with the identities, creation time and merge bookkeeping of `shape`, re-folded from `events`.
    private func rebuilt(_ shape: ProfileIdentities, from events: [StoredEvent]) -> StoredProfile {
        var profile = StoredProfile(
            id: shape.id, identities: shape.identities.sorted(), traits: ProfileState(policy: model.policy),
            createdAt: shape.createdAt, updatedAt: now, mergeCount: shape.mergeCount, separatedFrom: shape.separatedFrom,
            mergedInto: nil, isDirty: true)
        for event in events { _ = model.fold(event.message, source: event.source, into: &profile, at: now) }
        model.refreshComputed(&profile, at: now)
        profile.isDirty = true
        profile.updatedAt = now
        return profile
    }

    /// Who each family member belonged to just before `merge`: merges recorded earlier and still in force.
    private func ownersBefore(_ merge: StoredMerge, family: Set<ProfileID>) throws(StoreError) -> OwnerChain {
        var parent: [ProfileID: ProfileID] = [:]
        for earlier in try tx.merges(involving: family) where earlier.id < merge.id && earlier.unmergedAt == nil {
            for absorbed in earlier.absorbed { parent[absorbed] = earlier.into }
        }
        return OwnerChain(parent: parent)
    }
}

/// Follows "absorbed by" links to the profile that held a message at some point in time.
struct OwnerChain {
    var parent: [ProfileID: ProfileID]

    func resolve(_ id: ProfileID) -> ProfileID {
        var current = id
        var steps = 0
        while let next = parent[current], steps <= parent.count {
            current = next
            steps += 1
        }
        return current
    }
}
