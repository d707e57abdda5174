import KontorStore

/// The checks every store engine must pass, written once for all engines.
///
/// An engine's test target makes one suite per flavour (SQLite in memory,
/// SQLite file, PostgreSQL) and calls each check from an XCTest method. A
/// check throws ``ConformanceFailure`` when the store misbehaves, and passes
/// other errors (a ``KontorStore/StoreError`` it did not expect) through.
///
/// ```swift
/// let suite = StoreConformance(
///     makeStore: { let s = try SQLiteStore.inMemory(); try await s.migrate(); return s })
/// try await suite.checkDedupeAcrossBatches()
/// ```
public struct StoreConformance: Sendable {
    /// Makes a new, empty, migrated store; called once per check.
    public typealias MakeStore = @Sendable () async throws -> any KontorStore
    /// Closes the given store and opens the same database again, migrated.
    public typealias ReopenStore = @Sendable (any KontorStore) async throws -> any KontorStore

    let makeStore: MakeStore
    let reopenStore: ReopenStore?

    /// - Parameters:
    ///   - makeStore: a fresh, empty, migrated store per call.
    ///   - reopenStore: for engines that persist (files, servers): closes a store
    ///     and opens its database again. The persistence checks need it.
    public init(makeStore: @escaping MakeStore, reopenStore: ReopenStore? = nil) {
        self.makeStore = makeStore
        self.reopenStore = reopenStore
    }

    /// Whether the persistence checks can run (a ``ReopenStore`` was given).
    public var canReopen: Bool { reopenStore != nil }

    /// Every check by name, for engines that want to run them in a loop or
    /// make sure their test case calls each one.
    public static let allChecks: [(name: String, run: @Sendable (StoreConformance) async throws -> Void)] = [
        ("appendAssignsIncreasingSeqs", { try await $0.checkAppendAssignsIncreasingSeqs() }),
        ("dedupeAcrossBatches", { try await $0.checkDedupeAcrossBatches() }),
        ("dedupeWithinBatch", { try await $0.checkDedupeWithinBatch() }),
        ("sameMessageIdInTwoSources", { try await $0.checkSameMessageIdInTwoSources() }),
        ("readPaginatesInSeqOrder", { try await $0.checkReadPaginatesInSeqOrder() }),
        ("messageRoundTrip", { try await $0.checkMessageRoundTrip() }),
        ("appendRejectsInvalidInput", { try await $0.checkAppendRejectsInvalidInput() }),
        ("unencodableMessageStoresNothing", { try await $0.checkUnencodableMessageStoresNothing() }),
        ("cursorRoundTrip", { try await $0.checkCursorRoundTrip() }),
        ("cursorsAreKeyedByPartition", { try await $0.checkCursorsAreKeyedByPartition() }),
        ("commitPageStoresMessagesAndCursor", { try await $0.checkCommitPageStoresMessagesAndCursor() }),
        ("commitPageIsAtomic", { try await $0.checkCommitPageIsAtomic() }),
        ("resetState", { try await $0.checkResetState() }),
        ("throwingTransactionLeavesNothing", { try await $0.checkThrowingTransactionLeavesNothing() }),
        ("transactionCommitsTogether", { try await $0.checkTransactionCommitsTogether() }),
        ("consumerPositions", { try await $0.checkConsumerPositions() }),
        ("runHistoryOrdering", { try await $0.checkRunHistoryOrdering() }),
        ("finishRun", { try await $0.checkFinishRun() }),
        ("nextRun", { try await $0.checkNextRun() }),
        ("scheduleLeases", { try await $0.checkScheduleLeases() }),
        ("migrateTwiceIsHarmless", { try await $0.checkMigrateTwiceIsHarmless() }),
        ("migrationsIdempotentOnReopen", { try await $0.checkMigrationsIdempotentOnReopen() }),
        ("dataSurvivesReopen", { try await $0.checkDataSurvivesReopen() }),
        ("concurrentAppendersStoreEachMessageOnce", { try await $0.checkConcurrentAppendersStoreEachMessageOnce() }),
    ]

    /// The checks that need ``canReopen``.
    public static let persistenceChecks: Set<String> = ["migrationsIdempotentOnReopen", "dataSurvivesReopen"]

    /// Runs `body` with a fresh store and closes it afterwards, also when `body` throws.
    func withStore(_ body: (any KontorStore) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// The reopen function, or a failure explaining that the check needs one.
    func requireReopen(_ check: String, file: StaticString = #filePath, line: UInt = #line) throws -> ReopenStore {
        guard let reopenStore else {
            throw ConformanceFailure(
                "\(check) needs a persistent store: pass reopenStore to StoreConformance", file: file, line: line)
        }
        return reopenStore
    }
}
