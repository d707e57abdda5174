import Foundation
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// The profile store conformance checks against SQLite, in memory and in a file.
final class ProfileStoreConformanceTests: TemporaryFolderTestCase {
    private func conform(_ name: String, file: StaticString = #filePath, line: UInt = #line) async {
        guard let check = ProfileStoreConformance.allChecks.first(where: { $0.name == name }) else {
            return XCTFail("no check named \(name)", file: file, line: line)
        }
        let folder = self.folder
        let flavours: [(String, ProfileStoreConformance)] = [
            ("memory", ProfileStoreConformance(makeStore: {
                let store = try SQLiteStore.inMemory()
                try await store.migrate()
                return store
            })),
            ("file", ProfileStoreConformance(makeStore: {
                let store = try SQLiteStore.file(at: folder + "/\(UUID().uuidString).db")
                try await store.migrate()
                return store
            })),
        ]
        for (flavour, suite) in flavours {
            do {
                try await check.run(suite)
            } catch let failure as ConformanceFailure {
                XCTFail("[\(flavour)] \(failure.message)", file: failure.file, line: failure.line)
            } catch {
                XCTFail("[\(flavour)] unexpected error: \(error)", file: file, line: line)
            }
        }
    }

    func testEveryCheckIsCalled() {
        let names = ProfileStoreConformance.allChecks.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertEqual(names.count, 10, "add a test method for each new check")
    }

    func testProfileRoundTrip() async { await conform("profileRoundTrip") }
    func testIdentitiesMoveBetweenProfiles() async { await conform("identitiesMoveBetweenProfiles") }
    func testMergedProfilesAndFamilies() async { await conform("mergedProfilesAndFamilies") }
    func testMergeRecords() async { await conform("mergeRecords") }
    func testEventAttribution() async { await conform("eventAttribution") }
    func testMembershipStays() async { await conform("membershipStays") }
    func testDirtyMarks() async { await conform("dirtyMarks") }
    func testAuditLog() async { await conform("auditLog") }
    func testThrowingProfileTransactionLeavesNothing() async { await conform("throwingProfileTransactionLeavesNothing") }
    func testInvalidProfileArguments() async { await conform("invalidProfileArguments") }
}
