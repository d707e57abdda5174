import Foundation
import KontorCore
import KontorStore

/// The checks every ``KontorStore/RetentionStore`` must pass: old events go
/// (never past the given position), their keys stay duplicates, old dead
/// letters and runs go, and what is still in its period stays.
///
/// ```swift
/// let suite = RetentionConformance(makeStore: { let s = try SQLiteStore.inMemory(); try await s.migrate(); return s })
/// try await suite.checkEventsOlderThanTheCutoffGo()
/// ```
public struct RetentionConformance: Sendable {
    /// What a retention check needs of a store.
    public typealias Store = KontorStore & RetentionStore & OutboxStore
    /// Makes a new, empty, migrated store; called once per check.
    public typealias MakeStore = @Sendable () async throws -> any Store

    let makeStore: MakeStore

    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Every check by name.
    public static let allChecks: [(name: String, run: @Sendable (RetentionConformance) async throws -> Void)] = [
        ("eventsOlderThanTheCutoffGo", { try await $0.checkEventsOlderThanTheCutoffGo() }),
        ("eventsPastThePositionStay", { try await $0.checkEventsPastThePositionStay() }),
        ("retiredKeysStayDuplicates", { try await $0.checkRetiredKeysStayDuplicates() }),
        ("oldDeadLettersGo", { try await $0.checkOldDeadLettersGo() }),
        ("oldRunsGoButTheLatestOfEachNameStays", { try await $0.checkOldRunsGoButTheLatestOfEachNameStays() }),
        ("rejectsLimitsBelowOne", { try await $0.checkRejectsLimitsBelowOne() }),
    ]

    static let start = ConformanceMessages.start
    static let day: TimeInterval = 86_400

    /// `days` after ``start``.
    static func at(days: Double) -> Date { start.addingTimeInterval(days * day) }

    /// A track received `days` after ``start``.
    static func received(_ id: String, days: Double) -> Message {
        var message = ConformanceMessages.track(id, seconds: days * day)
        message.receivedAt = at(days: days)
        return message
    }

    /// Runs `body` with a fresh store and closes it afterwards, also when `body` throws.
    func withStore(_ body: (any Store) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        if !condition { throw ConformanceFailure(message(), file: file, line: line) }
    }

    func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if actual != expected { throw ConformanceFailure("\(what): expected \(expected), got \(actual)", file: file, line: line) }
    }
}
