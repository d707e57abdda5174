import Foundation

/// Decides which profile a message belongs to: a pure planner over the
/// message's identities and a snapshot of the profiles they point to.
///
/// Identifiers are considered in priority order (`identity.keys`); each one is
/// accepted unless accepting it, given those already accepted, would
/// - give a profile more identifiers of a kind than `limits` allows (two
///   `user_id`s, a fourth shared family email) without it already having as many,
/// - merge profiles beyond `max_merges`, or
/// - merge profiles an unmerge separated.
///
/// No match creates a profile, one match attaches, several merge into the
/// oldest (`createdAt`, then id). A refused identifier that points to another
/// profile is a blocked merge, reported with its reason.
///
/// ```swift
/// let resolver = IdentityResolver(rules: rules)
/// let plan = resolver.plan(for: message, snapshot: snapshot)
/// if case .merge(let record) = plan.action { audit(record.summary) }
/// ```
public struct IdentityResolver: Sendable {
    public var rules: IdentityRules

    public init(rules: IdentityRules) {
        self.rules = rules
    }

    /// The plan for `message`; `snapshot` must hold every profile its identities point to.
    public func plan(for message: Message, snapshot: IdentitySnapshot) -> ResolutionPlan {
        plan(MessageIdentities(of: message, rules: rules), messageID: message.messageId, at: message.timestamp, snapshot: snapshot)
    }

    /// The plan for identities already extracted from a message.
    public func plan(_ found: MessageIdentities, messageID: String, at: Date, snapshot: IdentitySnapshot) -> ResolutionPlan {
        var candidates = found.identities
        if let previous = found.previousID {
            let asUser = Identity(.userID, previous)
            let resolved = snapshot.owner(of: asUser) != nil ? asUser : Identity(.anonymousID, previous)
            if !candidates.contains(resolved) { candidates = rules.sortedByPriority(candidates + [resolved]) }
        }
        var accepted: [Identity] = []
        var refused: [RefusedIdentity] = []
        var current = Outcome(accepted: [], snapshot: snapshot)
        for identity in candidates {
            let next = Outcome(accepted: accepted + [identity], snapshot: snapshot)
            if let reason = violation(from: current, to: next) {
                refused.append(RefusedIdentity(identity: identity, profile: snapshot.owner(of: identity), reason: reason))
            } else {
                accepted.append(identity)
                current = next
            }
        }
        return ResolutionPlan(action: action(current, at: at, messageID: messageID), refused: refused, messageID: messageID)
    }

    private func action(_ outcome: Outcome, at: Date, messageID: String) -> ResolutionPlan.Action {
        let fresh = outcome.accepted.filter { outcome.owners[$0] == nil }
        switch outcome.group.count {
        case 0:
            return outcome.accepted.isEmpty ? .none : .create(identities: outcome.accepted)
        case 1:
            let profile = outcome.group[0]
            return .attach(profile: profile.id, newIdentities: fresh)
        default:
            let ordered = outcome.group.sorted(by: ProfileIdentities.isOlder)
            var links: [MergeLink] = []
            for profile in ordered {
                if let identity = outcome.accepted.first(where: { outcome.owners[$0] == profile.id }) {
                    links.append(MergeLink(identity: identity, profile: profile.id))
                }
            }
            return .merge(MergeRecord(
                messageID: messageID, at: at, survivor: ordered[0], absorbed: Array(ordered.dropFirst()),
                newIdentities: fresh, links: links))
        }
    }

    /// The rule that adding the last identity of `next` to `current` breaks, if any.
    private func violation(from current: Outcome, to next: Outcome) -> RefusalReason? {
        let grew = next.group.count > current.group.count
        if grew, next.group.count > 1 {
            let ids = Set(next.group.map(\.id))
            if next.group.contains(where: { !$0.separatedFrom.isDisjoint(with: ids) }) { return .separated }
            if next.mergeCount > rules.maxMerges { return .maxMerges(limit: rules.maxMerges) }
        }
        for kind in rules.keys {
            guard let limit = rules.limit(for: kind) else { continue }
            let count = next.count(of: kind)
            guard count > limit, count > current.count(of: kind) else { continue }
            let alreadyHeld = next.group.map { profile in profile.identities.filter { $0.kind == kind }.count }.max() ?? 0
            if count > alreadyHeld { return .kindLimit(kind: kind, limit: limit) }
        }
        return nil
    }
}

/// What accepting a set of identities would lead to.
private struct Outcome {
    let accepted: [Identity]
    /// The profiles the accepted identities point to, in the order first pointed to.
    let group: [ProfileIdentities]
    let owners: [Identity: ProfileID]
    let identities: Set<Identity>

    init(accepted: [Identity], snapshot: IdentitySnapshot) {
        self.accepted = accepted
        var group: [ProfileIdentities] = []
        var owners: [Identity: ProfileID] = [:]
        var identities = Set(accepted)
        for identity in accepted {
            guard let id = snapshot.owner(of: identity), let profile = snapshot.profiles[id] else { continue }
            owners[identity] = id
            if !group.contains(where: { $0.id == id }) {
                group.append(profile)
                identities.formUnion(profile.identities)
            }
        }
        self.group = group
        self.owners = owners
        self.identities = identities
    }

    var mergeCount: Int {
        group.reduce(0) { $0 + $1.mergeCount } + max(0, group.count - 1)
    }

    func count(of kind: IdentifierKind) -> Int {
        identities.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
    }
}
