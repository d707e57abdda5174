import Foundation
import KontorCore
import KontorStore

/// The profiles one batch of events touches: loaded once, changed in memory
/// message by message, and written together at the end of the batch.
///
/// Later messages of a batch see what earlier ones did (a profile created by
/// the first message is found by the tenth). Everything happens inside the
/// builder's transaction, so the batch and the log position commit together.
struct ProfileBatch {
    static let actor = "profile-builder"

    let tx: any ProfileTransaction
    let model: ProfileModel
    let now: Date
    private(set) var summary = BuildSummary()
    /// Identity → owner as the batch sees it (`nil`: no owner), filled lazily from the store.
    private var owners: [Identity: ProfileID?] = [:]
    private var profiles: [ProfileID: StoredProfile] = [:]
    private var changed: Set<ProfileID> = []
    /// Identities whose owner changed in this batch, with their final owner.
    private var reassigned: [Identity: ProfileID] = [:]
    private var attributions: [AttributedEvent] = []
    private var merges: [MergeRecord] = []
    private var blocked: [(messageID: String, profile: ProfileID?, refusal: RefusedIdentity)] = []

    init(tx: any ProfileTransaction, model: ProfileModel, now: Date) {
        self.tx = tx
        self.model = model
        self.now = now
    }

    /// Resolves the event's identities, creates, attaches or merges, and folds the message.
    mutating func apply(_ event: StoredEvent) throws(StoreError) {
        summary.events += 1
        summary.position = max(summary.position, event.seq)
        let message = event.message
        let found = MessageIdentities(of: message, rules: model.identity)
        var lookups = found.identities
        if let previous = found.previousID { lookups += [Identity(.userID, previous), Identity(.anonymousID, previous)] }
        var snapshot = IdentitySnapshot()
        for identity in lookups {
            guard let owner = try owner(of: identity), snapshot.profiles[owner] == nil else { continue }
            snapshot.insert(try load(owner).identityRecord)
        }
        let plan = IdentityResolver(rules: model.identity).plan(
            found, messageID: message.messageId, at: message.timestamp, snapshot: snapshot)
        let target: ProfileID?
        switch plan.action {
        case .none:
            summary.unidentified += 1
            target = nil
        case .create(let identities):
            target = try create(for: event, identities: identities)
        case .attach(let profile, let newIdentities):
            summary.attached += 1
            give(newIdentities, to: profile)
            target = profile
        case .merge(let record):
            try merge(record)
            target = record.survivor.id
        }
        for refusal in plan.blockedMerges {
            summary.blockedMerges += 1
            blocked.append((message.messageId, target, refusal))
        }
        guard let target, var profile = profiles[target] else { return }
        let counts = model.fold(message, source: event.source, into: &profile, at: now)
        summary.failedTraitFilters += counts.failedTraitFilters
        summary.ignoredConsentPurposes += counts.ignoredConsentPurposes
        store(profile)
        attributions.append(AttributedEvent(seq: event.seq, messageID: message.messageId, profile: target))
    }

    /// Writes every change of the batch: profiles (each after the profile it was merged into),
    /// identities, event attributions, merge records and audit entries.
    mutating func flush() throws(StoreError) {
        for id in saveOrder() {
            guard var profile = profiles[id] else { continue }
            if profile.isLive { model.refreshComputed(&profile, at: now) }
            try tx.saveProfile(profile)
        }
        let byOwner = Dictionary(grouping: reassigned.keys, by: { reassigned[$0] ?? "" })
        for (owner, identities) in byOwner.sorted(by: { $0.key < $1.key }) {
            try tx.assign(identities.sorted(), to: owner)
        }
        for attribution in attributions { try tx.attribute(attribution) }
        for record in merges {
            let id = try tx.recordMerge(record)
            try tx.appendAudit(AuditEntry(
                at: now, actor: Self.actor, action: "merge", subject: record.survivor.id,
                details: [
                    "merge_id": .int(Int(id.rawValue)), "message_id": .string(record.messageID),
                    "absorbed": .array(record.absorbed.map { .string($0.id) }), "summary": .string(record.summary),
                ]))
        }
        for entry in blocked {
            try tx.appendAudit(AuditEntry(
                at: now, actor: Self.actor, action: "merge_blocked", subject: entry.refusal.profile,
                details: [
                    "message_id": .string(entry.messageID), "identity": .string(entry.refusal.identity.description),
                    "joined": entry.profile.map(JSONValue.string) ?? .null,
                    "reason": .string(entry.refusal.reason.description),
                ]))
        }
    }

    private mutating func create(for event: StoredEvent, identities: [Identity]) throws(StoreError) -> ProfileID {
        var id = ProfileIdentifier.derive(source: event.source, messageID: event.message.messageId)
        var taken = profiles[id] != nil
        if !taken { taken = try tx.profile(id) != nil }
        if taken {
            id = ProfileIdentifier.derive(source: event.source, messageID: event.message.messageId, salt: String(event.seq))
        }
        summary.created += 1
        store(StoredProfile(id: id, createdAt: event.message.timestamp, updatedAt: now, isDirty: true))
        give(identities, to: id)
        return id
    }

    private mutating func merge(_ record: MergeRecord) throws(StoreError) {
        var survivor = try load(record.survivor.id)
        for absorbedRecord in record.absorbed {
            var absorbed = try load(absorbedRecord.id)
            survivor.traits = survivor.traits.merged(with: absorbed.traits)
            survivor.computed = survivor.computed.merged(with: absorbed.computed)
            survivor.consent = survivor.consent.merged(with: absorbed.consent)
            absorbed.mergedInto = survivor.id
            absorbed.identities = []
            absorbed.isDirty = true
            absorbed.updatedAt = now
            store(absorbed)
        }
        let merged = record.mergedProfile
        survivor.mergeCount = merged.mergeCount
        survivor.separatedFrom = merged.separatedFrom
        survivor.isDirty = true
        survivor.updatedAt = now
        store(survivor)
        give(merged.identities, to: survivor.id)
        merges.append(record)
        summary.merges += 1
        summary.absorbed += record.absorbed.count
    }

    /// Points `identities` at `profile`, in memory now and in the store at the flush.
    private mutating func give(_ identities: [Identity], to id: ProfileID) {
        guard !identities.isEmpty, var profile = profiles[id] else { return }
        for identity in identities {
            if let previous = owners[identity] ?? nil, previous != id, var old = profiles[previous] {
                old.identities.removeAll { $0 == identity }
                store(old)
            }
            owners[identity] = .some(id)
            reassigned[identity] = id
        }
        profile.identities = Array(Set(profile.identities).union(identities)).sorted()
        store(profile)
    }

    private mutating func owner(of identity: Identity) throws(StoreError) -> ProfileID? {
        if let cached = owners[identity] { return cached }
        let owner = try tx.owner(of: identity)
        owners[identity] = .some(owner)
        return owner
    }

    private mutating func load(_ id: ProfileID) throws(StoreError) -> StoredProfile {
        if let profile = profiles[id] { return profile }
        guard var profile = try tx.profile(id) else {
            throw StoreError(.notFound, "identity points to profile '\(id)', which does not exist")
        }
        profile.traits.policy = model.policy
        profiles[id] = profile
        for identity in profile.identities where owners[identity] == nil { owners[identity] = .some(id) }
        return profile
    }

    private mutating func store(_ profile: StoredProfile) {
        profiles[profile.id] = profile
        changed.insert(profile.id)
    }

    /// Changed profiles, each after the profile it was merged into (foreign keys), then by id.
    private func saveOrder() -> [ProfileID] {
        func depth(_ id: ProfileID) -> Int {
            var depth = 0
            var current = id
            while let next = profiles[current]?.mergedInto, changed.contains(next), depth < changed.count {
                depth += 1
                current = next
            }
            return depth
        }
        return changed.map { ($0, depth($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }
}
