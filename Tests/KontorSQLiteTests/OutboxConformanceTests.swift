import Foundation
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// The outbox conformance suite against SQLite, in memory and in a file.
final class OutboxConformanceTests: TemporaryFolderTestCase {
    private func conform(file: StaticString = #filePath, line: UInt = #line, _ check: (OutboxConformance) async throws -> Void) async {
        let folder = self.folder
        let flavours: [(String, OutboxConformance)] = [
            ("memory", OutboxConformance(makeStore: {
                let store = try SQLiteStore.inMemory()
                try await store.migrate()
                return store
            })),
            ("file", OutboxConformance(makeStore: {
                let store = try SQLiteStore.file(at: folder + "/\(UUID().uuidString).db")
                try await store.migrate()
                return store
            })),
        ]
        for (name, suite) in flavours {
            do {
                try await check(suite)
            } catch let failure as ConformanceFailure {
                XCTFail("[\(name)] \(failure.message)", file: failure.file, line: failure.line)
            } catch {
                XCTFail("[\(name)] unexpected error: \(error)", file: file, line: line)
            }
        }
    }

    func testEveryCheckHasATest() {
        XCTAssertEqual(OutboxConformance.allChecks.count, 14, "add a test method for each new check")
    }

    func testCommitPlanWritesJobsAndState() async { await conform { try await $0.checkCommitPlanWritesJobsAndState() } }
    func testFailedPlanningWritesNothing() async { await conform { try await $0.checkFailedPlanningWritesNothing() } }
    func testClaimLeasesDueJobs() async { await conform { try await $0.checkClaimLeasesDueJobs() } }
    func testLeaseExpiry() async { await conform { try await $0.checkLeaseExpiry() } }
    func testRelease() async { await conform { try await $0.checkRelease() } }
    func testPerProfileOrder() async { await conform { try await $0.checkPerProfileOrder() } }
    func testSupersession() async { await conform { try await $0.checkSupersession() } }
    func testIdempotencyAmongUnfinishedJobs() async { await conform { try await $0.checkIdempotencyAmongUnfinishedJobs() } }
    func testSettleRetryAndDeadLetter() async { await conform { try await $0.checkSettleRetryAndDeadLetter() } }
    func testReplay() async { await conform { try await $0.checkReplay() } }
    func testPurge() async { await conform { try await $0.checkPurge() } }
    func testCounts() async { await conform { try await $0.checkCounts() } }
    func testRejectsInvalidClaims() async { await conform { try await $0.checkRejectsInvalidClaims() } }
    func testDeliveryTotals() async { await conform { try await $0.checkDeliveryTotals() } }
}
