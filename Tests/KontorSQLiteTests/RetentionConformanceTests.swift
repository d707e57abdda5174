import Foundation
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// The retention conformance suite against SQLite, in memory and in a file.
final class RetentionConformanceTests: TemporaryFolderTestCase {
    private func conform(file: StaticString = #filePath, line: UInt = #line, _ check: (RetentionConformance) async throws -> Void) async {
        let folder = self.folder
        let flavours: [(String, RetentionConformance)] = [
            ("memory", RetentionConformance(makeStore: {
                let store = try SQLiteStore.inMemory()
                try await store.migrate()
                return store
            })),
            ("file", RetentionConformance(makeStore: {
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
        XCTAssertEqual(RetentionConformance.allChecks.count, 6, "add a test method for each new check")
    }

    func testEventsOlderThanTheCutoffGo() async { await conform { try await $0.checkEventsOlderThanTheCutoffGo() } }
    func testEventsPastThePositionStay() async { await conform { try await $0.checkEventsPastThePositionStay() } }
    func testRetiredKeysStayDuplicates() async { await conform { try await $0.checkRetiredKeysStayDuplicates() } }
    func testOldDeadLettersGo() async { await conform { try await $0.checkOldDeadLettersGo() } }
    func testOldRunsGoButTheLatestOfEachNameStays() async { await conform { try await $0.checkOldRunsGoButTheLatestOfEachNameStays() } }
    func testRejectsLimitsBelowOne() async { await conform { try await $0.checkRejectsLimitsBelowOne() } }
}
