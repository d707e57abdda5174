import KontorStore
import XCTest

final class StoreValueTests: XCTestCase {
    func testAppendResultsAdd() {
        let total = AppendResult(inserted: 2, duplicates: 1, seqs: [1, 2])
            .adding(AppendResult(inserted: 1, duplicates: 3, seqs: [7]))
        XCTAssertEqual(total, AppendResult(inserted: 3, duplicates: 4, seqs: [1, 2, 7]))
        XCTAssertEqual(AppendResult().adding(AppendResult()), AppendResult())
    }

    func testStoreErrorPrintsItsMessage() {
        let error = StoreError(.notFound, "there is no run 5")
        XCTAssertEqual("\(error)", "there is no run 5")
        XCTAssertEqual(error.kind, .notFound)
    }

    func testRunKindsAreOpenStrings() {
        XCTAssertEqual(RunKind.sync.rawValue, "sync")
        XCTAssertEqual(RunKind("erasure").description, "erasure")
        XCTAssertEqual(RunKind(rawValue: "delivery"), .delivery)
        XCTAssertLessThan(RunID(3), RunID(10))
    }
}
