import KontorTesting
import XCTest

/// The store conformance suite against SQLite, in memory and in a file.
final class SQLiteConformanceTests: TemporaryFolderTestCase {
    /// Runs `check` against each flavour (the persistence checks against files only).
    private func conform(
        persistent: Bool = false, file: StaticString = #filePath, line: UInt = #line,
        _ check: (StoreConformance) async throws -> Void
    ) async {
        var flavours = [SQLiteConformanceFlavour.file(in: folder)]
        if !persistent { flavours.insert(.memory, at: 0) }
        for flavour in flavours {
            do {
                try await check(flavour.suite)
            } catch let failure as ConformanceFailure {
                XCTFail("[\(flavour.name)] \(failure.message)", file: failure.file, line: failure.line)
            } catch {
                XCTFail("[\(flavour.name)] unexpected error: \(error)", file: file, line: line)
            }
        }
    }

    func testAppendAssignsIncreasingSeqs() async { await conform { try await $0.checkAppendAssignsIncreasingSeqs() } }
    func testDedupeAcrossBatches() async { await conform { try await $0.checkDedupeAcrossBatches() } }
    func testDedupeWithinBatch() async { await conform { try await $0.checkDedupeWithinBatch() } }
    func testSameMessageIdInTwoSources() async { await conform { try await $0.checkSameMessageIdInTwoSources() } }
    func testReadPaginatesInSeqOrder() async { await conform { try await $0.checkReadPaginatesInSeqOrder() } }
    func testMessageRoundTrip() async { await conform { try await $0.checkMessageRoundTrip() } }
    func testAppendRejectsInvalidInput() async { await conform { try await $0.checkAppendRejectsInvalidInput() } }
    func testUnencodableMessageStoresNothing() async {
        await conform { try await $0.checkUnencodableMessageStoresNothing() }
    }
    func testCursorRoundTrip() async { await conform { try await $0.checkCursorRoundTrip() } }
    func testCursorsAreKeyedByPartition() async { await conform { try await $0.checkCursorsAreKeyedByPartition() } }
    func testCommitPageStoresMessagesAndCursor() async {
        await conform { try await $0.checkCommitPageStoresMessagesAndCursor() }
    }
    func testCommitPageIsAtomic() async { await conform { try await $0.checkCommitPageIsAtomic() } }
    func testResetState() async { await conform { try await $0.checkResetState() } }
    func testThrowingTransactionLeavesNothing() async {
        await conform { try await $0.checkThrowingTransactionLeavesNothing() }
    }
    func testTransactionCommitsTogether() async { await conform { try await $0.checkTransactionCommitsTogether() } }
    func testConsumerPositions() async { await conform { try await $0.checkConsumerPositions() } }
    func testRunHistoryOrdering() async { await conform { try await $0.checkRunHistoryOrdering() } }
    func testFinishRun() async { await conform { try await $0.checkFinishRun() } }
    func testNextRun() async { await conform { try await $0.checkNextRun() } }
    func testScheduleLeases() async { await conform { try await $0.checkScheduleLeases() } }
    func testMigrateTwiceIsHarmless() async { await conform { try await $0.checkMigrateTwiceIsHarmless() } }
    func testMigrationsIdempotentOnReopen() async {
        await conform(persistent: true) { try await $0.checkMigrationsIdempotentOnReopen() }
    }
    func testDataSurvivesReopen() async { await conform(persistent: true) { try await $0.checkDataSurvivesReopen() } }
    func testConcurrentAppendersStoreEachMessageOnce() async {
        await conform { try await $0.checkConcurrentAppendersStoreEachMessageOnce() }
    }

    /// Guards against a check added to the suite but not to this test case.
    func testThisCaseCallsEveryCheck() {
        XCTAssertEqual(StoreConformance.allChecks.count, 24, "add a test method for the new conformance check")
    }

    /// A persistent flavour refuses to run persistence checks without a way to reopen.
    func testPersistenceCheckWithoutReopenFailsClearly() async {
        do {
            try await SQLiteConformanceFlavour.memory.suite.checkDataSurvivesReopen()
            XCTFail("expected a ConformanceFailure")
        } catch let failure as ConformanceFailure {
            XCTAssertTrue(failure.message.contains("reopenStore"), failure.message)
        } catch {
            XCTFail("unexpected error: \(error)")
        }
    }
}
