import Foundation
import KontorCore

/// An in-memory identity graph that applies resolution plans the way the profile builder does.
struct IdentityGraphFixture {
    var snapshot = IdentitySnapshot()
    let resolver: IdentityResolver
    var merges: [MergeRecord] = []
    /// Every message with the profile it joined, in processing order.
    var log: [AttributedMessage] = []
    private var nextID = 1

    init(rules: IdentityRules) {
        resolver = IdentityResolver(rules: rules)
    }

    @discardableResult
    mutating func apply(_ message: Message) -> ResolutionPlan {
        let plan = resolver.plan(for: message, snapshot: snapshot)
        var owner: ProfileID?
        switch plan.action {
        case .none:
            break
        case .create(let identities):
            let id = "p\(nextID)"
            nextID += 1
            snapshot.insert(ProfileIdentities(id: id, identities: identities, createdAt: message.timestamp))
            owner = id
        case .attach(let id, let fresh):
            if var profile = snapshot.profiles[id] {
                profile.identities += fresh
                snapshot.insert(profile)
            }
            owner = id
        case .merge(let record):
            for absorbed in record.absorbed { snapshot.remove(absorbed.id) }
            snapshot.insert(record.mergedProfile)
            merges.append(record)
            owner = record.survivor.id
        }
        if let owner { log.append(AttributedMessage(message, owner: owner)) }
        return plan
    }

    /// Messages now belonging to `profile` (following merges), in log order.
    func messages(of profile: ProfileID) -> [AttributedMessage] {
        log.filter { resolve($0.owner) == profile }
    }

    func resolve(_ id: ProfileID) -> ProfileID {
        var current = id
        while let record = merges.first(where: { $0.absorbed.contains { $0.id == current } }) { current = record.survivor.id }
        return current
    }

    func owner(_ kind: IdentifierKind, _ value: String) -> ProfileID? {
        snapshot.owner(of: Identity(kind, value))
    }

    func identities(of id: ProfileID) -> [Identity] {
        (snapshot.profiles[id]?.identities ?? []).sorted()
    }

    /// Replaces the graph's profiles after an unmerge.
    mutating func apply(_ plan: UnmergePlan) {
        for side in plan.sides { snapshot.insert(side.profile) }
    }
}

enum TestDates {
    static let origin = Date(timeIntervalSince1970: 1_717_200_000)  // 2024-06-01T00:00:00Z

    static func day(_ days: Double, hours: Double = 0) -> Date {
        origin.addingTimeInterval(days * 86_400 + hours * 3_600)
    }
}

extension Message {
    static func identify(
        _ id: String, at: Date, userId: String? = nil, anonymousId: String? = nil,
        traits: [String: JSONValue] = [:], context: [String: JSONValue] = [:]
    ) -> Message {
        Message(type: .identify, messageId: id, timestamp: at, userId: userId, anonymousId: anonymousId, traits: traits, context: context)
    }

    static func track(
        _ id: String, _ event: String, at: Date, userId: String? = nil, anonymousId: String? = nil,
        properties: [String: JSONValue] = [:], context: [String: JSONValue] = [:]
    ) -> Message {
        Message(type: .track, messageId: id, timestamp: at, userId: userId, anonymousId: anonymousId, event: event,
                properties: properties, context: context)
    }

    static func page(_ id: String, at: Date, anonymousId: String) -> Message {
        Message(type: .page, messageId: id, timestamp: at, anonymousId: anonymousId, name: "Home")
    }

    static func alias(_ id: String, at: Date, userId: String, previousId: String) -> Message {
        Message(type: .alias, messageId: id, timestamp: at, userId: userId, previousId: previousId)
    }
}
