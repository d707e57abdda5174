import Foundation
import KontorCore
import KontorStore

/// The checks every engine's ``KontorStore/ProfileStore`` must pass:
/// profiles, identities, merges, event attribution, memberships, dirty marks
/// and the audit log, with transactions that commit or roll back as a whole.
///
/// Like ``StoreConformance`` it does not import XCTest; each check throws
/// ``ConformanceFailure``.
///
/// ```swift
/// let suite = ProfileStoreConformance(makeStore: { let s = try SQLiteStore.inMemory(); try await s.migrate(); return s })
/// for check in ProfileStoreConformance.allChecks { try await check.run(suite) }
/// ```
public struct ProfileStoreConformance: Sendable {
    public typealias Store = any KontorStore & ProfileStore
    /// Makes a new, empty, migrated store; called once per check.
    public typealias MakeStore = @Sendable () async throws -> Store

    let makeStore: MakeStore

    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Every check by name.
    public static let allChecks: [(name: String, run: @Sendable (ProfileStoreConformance) async throws -> Void)] = [
        ("profileRoundTrip", { try await $0.checkProfileRoundTrip() }),
        ("identitiesMoveBetweenProfiles", { try await $0.checkIdentitiesMoveBetweenProfiles() }),
        ("mergedProfilesAndFamilies", { try await $0.checkMergedProfilesAndFamilies() }),
        ("mergeRecords", { try await $0.checkMergeRecords() }),
        ("eventAttribution", { try await $0.checkEventAttribution() }),
        ("membershipStays", { try await $0.checkMembershipStays() }),
        ("dirtyMarks", { try await $0.checkDirtyMarks() }),
        ("auditLog", { try await $0.checkAuditLog() }),
        ("throwingProfileTransactionLeavesNothing", { try await $0.checkThrowingProfileTransactionLeavesNothing() }),
        ("invalidProfileArguments", { try await $0.checkInvalidProfileArguments() }),
    ]

    func withStore(_ body: (Store) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) throws {
        if !condition { throw ConformanceFailure(message(), file: file, line: line) }
    }

    func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if actual != expected { throw ConformanceFailure("\(what): expected \(expected), got \(actual)", file: file, line: line) }
    }

    func expectStoreError(
        _ kind: StoreError.Kind, _ what: String, file: StaticString = #filePath, line: UInt = #line,
        _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let error as StoreError {
            if error.kind != kind {
                throw ConformanceFailure("\(what): expected a \(kind) error, got \(error.kind): \(error.message)", file: file, line: line)
            }
            return
        }
        throw ConformanceFailure("\(what): expected a \(kind) error, got none", file: file, line: line)
    }

    /// 2024-05-01T10:00:00Z plus `seconds` (whole milliseconds, as stores keep them).
    static func at(_ seconds: Int) -> Date { Date(timeIntervalSince1970: Double(1_714_557_600 + seconds)) }

    /// A profile with traits, a computed trait, consent and merge bookkeeping set.
    static func sampleProfile(_ id: ProfileID, seconds: Int = 0) -> StoredProfile {
        let identify = Message(
            type: .identify, messageId: "\(id)-identify", timestamp: at(seconds), userId: "u-\(id)",
            traits: ["email": .string("\(id)@example.com"), "preferences": ["coffee": "Lavazza", "organic": true]])
        let order = Message(
            type: .track, messageId: "\(id)-order", timestamp: at(seconds + 60), event: "Order Completed",
            properties: ["total": 49.9])
        var profile = StoredProfile(id: id, createdAt: at(seconds), updatedAt: at(seconds + 120))
        profile.traits.fold(identify, source: "popup")
        profile.traits.fold(order, source: "shop")
        var accumulator = TraitAccumulator(.sum)
        accumulator.add(TraitSample(at: at(seconds + 60), messageID: "\(id)-order", values: [49.9]))
        profile.computed = ComputedTraitState(accumulators: ["lifetime_value": accumulator])
        profile.computedValues = ["lifetime_value": 49.9, "order_count": 1]
        profile.consent.record(ConsentEntry(purpose: "email", granted: true, source: "popup", at: at(seconds), messageID: "\(id)-identify"))
        profile.mergeCount = 2
        profile.separatedFrom = ["p-other"]
        profile.isDirty = true
        return profile
    }

    static func mergeRecord(into survivor: ProfileID, absorbing absorbed: ProfileID, message: String, seconds: Int) -> MergeRecord {
        MergeRecord(
            messageID: message, at: at(seconds),
            survivor: ProfileIdentities(id: survivor, identities: [Identity(.email, "\(survivor)@example.com")], createdAt: at(0)),
            absorbed: [ProfileIdentities(id: absorbed, identities: [Identity(.userID, "u-\(absorbed)")], createdAt: at(10))],
            newIdentities: [], links: [MergeLink(identity: Identity(.email, "\(survivor)@example.com"), profile: survivor)])
    }
}
