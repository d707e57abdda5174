/// Plans the undoing of a merge (`kontor profiles unmerge`).
///
/// Each absorbed profile gets back exactly the identities the merge record
/// kept for it, and the messages it had before the merge. Messages that came
/// after the merge go to the side whose identities they carry: a message that
/// only carries identifiers of an absorbed side goes back with it, together
/// with the identifiers it added; everything else stays with the survivor
/// (including the merging message and its new identifiers).
///
/// ```swift
/// let plan = UnmergePlanner(rules: rules).plan(undoing: record, current: merged, messages: history)
/// for side in plan.sides { rebuild(side.profile, from: side.messageIDs) }
/// ```
public struct UnmergePlanner: Sendable {
    public var rules: IdentityRules

    public init(rules: IdentityRules) {
        self.rules = rules
    }

    /// - Parameters:
    ///   - record: the merge to undo.
    ///   - current: the profile holding the merged identities now (normally `record.survivor.id`).
    ///   - messages: every message of `current`, in event-log order, including the merging message;
    ///     those before the merging message are attributed by their owner.
    public func plan(undoing record: MergeRecord, current: ProfileIdentities, messages: [AttributedMessage]) -> UnmergePlan {
        let absorbedIDs = record.absorbed.map(\.id)
        var sideOf: [Identity: Int] = [:]  // 0 = survivor, i = absorbed[i - 1]
        for identity in record.survivor.identities + record.newIdentities { sideOf[identity] = 0 }
        for (index, profile) in record.absorbed.enumerated() {
            for identity in profile.identities { sideOf[identity] = index + 1 }
        }
        let held = Set(current.identities)
        var messageIDs = Array(repeating: [String](), count: record.absorbed.count + 1)
        let divider = messages.firstIndex { $0.message.messageId == record.messageID } ?? messages.endIndex
        for (position, attributed) in messages.enumerated() {
            let carried = carriedIdentities(attributed.message)
            let side: Int
            if position < divider, let owner = absorbedIDs.firstIndex(of: attributed.owner) {
                side = owner + 1
            } else if position < divider, attributed.owner == record.survivor.id {
                side = 0
            } else if position == divider {
                side = 0
            } else {
                let sides = Set(carried.compactMap { sideOf[$0] })
                side = sides.count == 1 ? sides.first ?? 0 : 0
            }
            messageIDs[side].append(attributed.message.messageId)
            for identity in carried where held.contains(identity) && sideOf[identity] == nil {
                sideOf[identity] = side
            }
        }
        var identities = Array(repeating: [Identity](), count: record.absorbed.count + 1)
        for identity in current.identities.sorted() { identities[sideOf[identity] ?? 0].append(identity) }
        let absorbedMerges = record.absorbed.reduce(0) { $0 + $1.mergeCount + 1 }
        var survivor = current
        survivor.identities = identities[0]
        survivor.mergeCount = max(0, current.mergeCount - absorbedMerges)
        survivor.separatedFrom.formUnion(absorbedIDs)
        var sides = [UnmergePlan.Side(profile: survivor, messageIDs: messageIDs[0])]
        for (index, profile) in record.absorbed.enumerated() {
            var restored = profile
            restored.identities = identities[index + 1]
            restored.separatedFrom.insert(current.id)
            sides.append(UnmergePlan.Side(profile: restored, messageIDs: messageIDs[index + 1]))
        }
        return UnmergePlan(sides: sides)
    }

    /// The identities a message carries, with an alias's `previousId` as both a user id and an anonymous id.
    private func carriedIdentities(_ message: Message) -> [Identity] {
        let found = MessageIdentities(of: message, rules: rules)
        guard let previous = found.previousID else { return found.identities }
        return found.identities + [Identity(.userID, previous), Identity(.anonymousID, previous)]
    }
}
