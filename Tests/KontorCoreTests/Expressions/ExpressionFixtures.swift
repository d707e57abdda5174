import Foundation
import XCTest

@testable import KontorCore

/// Shared data and assertions for the expression tests.
enum ExpressionFixtures {
    /// 2024-03-05T07:08:09.123456Z, a Tuesday, day 065 of a leap year.
    static let now = Date(timeIntervalSince1970: 1_709_622_489.123456)

    static let record: JSONValue = [
        "id": 7, "name": "Ada", "email": " Ada@Example.COM ", "tags": ["a", "b", "c"],
        "nested": ["x": ["y": 1]], "price": 2.5, "empty": "", "zero": 0, "nothing": nil,
        "list_empty": [], "obj_empty": [:],
        "items": [["a": 1, "x": "p"], ["a": 2, "x": "q"], ["a": 1, "x": "r"]],
    ]

    static let config: JSONValue = [
        "api_key": "k", "start_date": "2024-01-15T10:20:30Z", "page_size": 50, "flag": true,
    ]

    static let context = EvaluationContext(
        variables: [
            "record": record, "config": config,
            "stream_partition": ["list_id": "L1"], "stream_interval": ["start_time": "2024-01-01"],
        ],
        now: now)

    /// One row of a table: an expression and the value it must give.
    struct Case {
        let source: String
        let expected: JSONValue
        let line: UInt

        init(_ source: String, _ expected: JSONValue, line: UInt = #line) {
            self.source = source
            self.expected = expected
            self.line = line
        }
    }

    /// One row of an error table: the expression, the error offset and a part of the message.
    struct Failure {
        let source: String
        let offset: Int
        let message: String
        let line: UInt

        init(_ source: String, at offset: Int, _ message: String, line: UInt = #line) {
            self.source = source
            self.offset = offset
            self.message = message
            self.line = line
        }
    }

    static func assertValues(_ cases: [Case], file: StaticString = #filePath) {
        for row in cases {
            do {
                let value = try Expression(parsing: row.source).evaluate(in: context)
                XCTAssertEqual(value, row.expected, "\(row.source)", file: file, line: row.line)
            } catch {
                XCTFail("\(row.source): \(error)", file: file, line: row.line)
            }
        }
    }

    /// Each expression must fail, at parse or evaluation time, at the offset with the message.
    static func assertFailures(_ cases: [Failure], file: StaticString = #filePath) {
        for row in cases {
            do {
                let value = try Expression(parsing: row.source).evaluate(in: context)
                XCTFail("\(row.source): expected an error, got \(value)", file: file, line: row.line)
            } catch {
                XCTAssertEqual(error.offset, row.offset, "\(row.source): \(error.message)", file: file, line: row.line)
                XCTAssertTrue(
                    error.message.contains(row.message), "\(row.source): '\(error.message)' lacks '\(row.message)'",
                    file: file, line: row.line)
            }
        }
    }
}
