import XCTest
@testable import KontorRuntime

final class GlobPatternTests: XCTestCase {
    func testMatches() throws {
        let cases: [(String, String, Bool)] = [
            ("*.csv", "sales.csv", true),
            ("*.csv", "sales.jsonl", false),
            ("*.csv", "2024/sales.csv", false),
            ("sales-????-??-??.csv", "sales-2024-05-01.csv", true),
            ("sales-????-??-??.csv", "sales-2024-5-01.csv", false),
            ("**/*.csv", "sales.csv", true),
            ("**/*.csv", "a/b/c/sales.csv", true),
            ("exports/**/sales-*.csv", "exports/2024/05/sales-01.csv", true),
            ("exports/**/sales-*.csv", "exports/sales-01.csv", true),
            ("exports/**/sales-*.csv", "other/sales-01.csv", false),
            ("store-[0-9].csv", "store-7.csv", true),
            ("store-[0-9].csv", "store-x.csv", false),
            ("store-[!0-9].csv", "store-x.csv", true),
            ("Kunden*.CSV", "Kunden_2024.CSV", true),
            ("*", "a", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
        ]
        for (pattern, path, expected) in cases {
            XCTAssertEqual(try GlobPattern(pattern).matches(path), expected, "\(pattern) ~ \(path)")
        }
    }

    func testRefusesPathsLeavingTheRoot() {
        XCTAssertThrowsError(try GlobPattern("../secrets/*.csv"))
        XCTAssertThrowsError(try GlobPattern("/etc/*.csv"))
        XCTAssertThrowsError(try GlobPattern(""))
    }

    func testDepth() throws {
        XCTAssertEqual(try GlobPattern("a/*.csv").depth, 2)
        XCTAssertNil(try GlobPattern("**/*.csv").depth)
    }
}
