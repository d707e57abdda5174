import Foundation
import KontorCore
import XCTest

final class MembershipDiffTests: XCTestCase {
    private let at = TestDates.day(10)

    func testEntriesAndExitsWithReasons() {
        let failure = ExpressionError(offset: 3, "'<' not supported between 'none' and 'int'")
        let rows: [(previous: Set<ProfileID>, outcomes: [ProfileID: SegmentOutcome], removed: Set<ProfileID>, changes: [String], line: UInt)] = [
            ([], ["a": .member, "b": .notMember], [], ["a entered rule_matched"], #line),
            (["a"], ["a": .member], [], [], #line),
            (["a", "b"], ["a": .notMember], [], ["a exited rule_unmatched"], #line),  // b not evaluated: stays
            (["a"], ["a": .failed(failure), "b": .failed(failure)], [], ["a exited evaluation_failed"], #line),
            (["a", "b"], ["c": .member], ["b", "z"], ["c entered rule_matched", "b exited profile_removed"], #line),
            (["a"], ["a": .member, "b": .member], ["b"], [], #line),  // merged away in the same batch
        ]
        for row in rows {
            let diff = MembershipDiff(segment: "vip", previous: row.previous, outcomes: row.outcomes, removed: row.removed, at: at)
            XCTAssertEqual(diff.changes.map { "\($0.profile) \($0.direction.rawValue) \($0.reason.rawValue)" }, row.changes, line: row.line)
            XCTAssertTrue(diff.changes.allSatisfy { $0.at == at && $0.segment == "vip" }, line: row.line)
        }
        let diff = MembershipDiff(segment: "vip", previous: ["a", "b"], outcomes: ["a": .failed(failure), "c": .member], at: at)
        XCTAssertEqual(diff.applied(to: ["a", "b"]), ["b", "c"])
        XCTAssertEqual(diff.exited.first?.detail, failure.description)
        XCTAssertEqual(diff.failures.count, 1)
    }
}
