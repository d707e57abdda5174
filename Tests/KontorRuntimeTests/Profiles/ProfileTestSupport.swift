import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting

/// Stores, deployments and messages shared by the profile and segment tests.
enum ProfileFixture {
    /// Day 0, 2024-06-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_717_200_000)

    static func day(_ day: Double, seconds: Double = 0) -> Date { start.addingTimeInterval(day * 86_400 + seconds) }

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(now: { start })
        try await store.migrate()
        return store
    }

    static func model(
        keys: [String] = ["user_id", "email", "phone", "loyalty_id", "anonymous_id"], limits: [String: Int] = [:],
        segments: [String: String] = [:], traits: [String: ComputedTrait] = StandardTraits.definitions
    ) throws -> ProfileModel {
        try ProfileModel(Deployment(
            identity: IdentitySettings(keys: keys, limits: limits),
            consent: ConsentSettings(purposes: ["email", "ads"]),
            traits: traits,
            segments: segments.mapValues { SegmentDefinition(whereRule: $0) }))
    }

    static func builder(_ store: SQLiteStore, _ model: ProfileModel, clock: ManualClock = ManualClock(now: day(200)), batchSize: Int = 500)
        -> ProfileBuilder
    {
        ProfileBuilder(store: store, model: model, clock: clock, batchSize: batchSize)
    }

    static func identify(
        _ id: String, day: Double, user: String? = nil, anonymous: String? = nil, traits: [String: JSONValue] = [:],
        context: [String: JSONValue] = [:]
    ) -> Message {
        Message(type: .identify, messageId: id, timestamp: Self.day(day), userId: user, anonymousId: anonymous, traits: traits, context: context)
    }

    static func page(_ id: String, day: Double, anonymous: String) -> Message {
        Message(type: .page, messageId: id, timestamp: Self.day(day), anonymousId: anonymous, name: "Home")
    }

    static func order(_ id: String, day: Double, user: String? = nil, anonymous: String? = nil, total: JSONValue) -> Message {
        Message(
            type: .track, messageId: id, timestamp: Self.day(day), userId: user, anonymousId: anonymous,
            event: "Order Completed", properties: ["total": total])
    }

    static func alias(_ id: String, day: Double, user: String, previous: String) -> Message {
        Message(type: .alias, messageId: id, timestamp: Self.day(day), userId: user, previousId: previous)
    }

    /// The live profile `identity` points to.
    static func profile(_ store: SQLiteStore, _ identity: Identity) async throws -> StoredProfile? {
        try await store.profileRead { reader in
            try reader.owner(of: identity).flatMap { try reader.profile($0) }
        }
    }

    /// Everything about the profiles that must not depend on how the log was processed
    /// (batch sizes, interruptions), as sorted lines.
    static func dump(_ store: SQLiteStore, model: ProfileModel) async throws -> [String] {
        try await store.profileRead { reader in
            var lines: [String] = []
            var after: ProfileID?
            while true {
                let page = try reader.profiles(after: after, limit: 200)
                guard let last = page.last else { break }
                for profile in page {
                    let computed = JSONValue.object(model.computedValues(profile.computed, at: day(300))).serialized()
                    let consent = profile.consent.history.map { "\($0.purpose)=\($0.granted)@\($0.messageID)" }.joined(separator: ",")
                    lines.append([
                        profile.id, StoreTimestamp.string(from: profile.createdAt),
                        profile.identities.map(\.description).joined(separator: ","), profile.traits.traits.serialized(),
                        computed, consent, String(profile.mergeCount), profile.separatedFrom.sorted().joined(separator: ","),
                    ].joined(separator: " | "))
                    for merge in try reader.merges(involving: [profile.id]) {
                        lines.append("merge \(merge.id): \(merge.record.summary) undone=\(merge.unmergedAt != nil)")
                    }
                    let events = try reader.attributedEvents(of: try reader.family(of: profile.id))
                    lines.append("events of \(profile.id): \(events.map(\.messageID).joined(separator: ","))")
                    let segments = try reader.openSegments(of: [profile.id])[profile.id] ?? []
                    lines.append("segments of \(profile.id): \(segments.sorted().joined(separator: ","))")
                }
                after = last.id
            }
            return Array(Set(lines)).sorted()
        }
    }
}
