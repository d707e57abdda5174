import XCTest

@testable import KontorCore

/// Load-time checks: scope, member accesses and boolean-valuedness.
final class ExpressionScopeTests: XCTestCase {
    private let requestScope = ExpressionScope(
        "request.query", variables: ["config", "stream_partition", "stream_interval", "next_page_token"])

    func testUnknownRootsAreReportedWithOffsets() throws {
        let errors = try Expression(parsing: "config.api_key ~ record.id ~ config.x").check(scope: ExpressionScope("http.auth", variables: ["config"]))
        XCTAssertEqual(errors.map(\.offset), [17])
        XCTAssertTrue(errors[0].message.contains("unknown variable 'record' in http.auth (allowed: config)"), errors[0].message)

        let typo = try Expression(parsing: "stream_partiton.id").check(scope: requestScope)
        XCTAssertEqual(typo.map(\.offset), [0])
        XCTAssertTrue(typo[0].message.hasSuffix("did you mean 'stream_partition'?"), typo[0].message)

        let several = try Expression(parsing: "a + b.c + config.d + e").check(scope: requestScope)
        XCTAssertEqual(several.map(\.offset), [0, 4, 21])
    }

    func testStreamStateIsRejectedAndStreamSliceIsAnAlias() throws {
        let state = try Expression(parsing: "stream_state.updated_at").check(scope: requestScope)
        XCTAssertEqual(state.count, 1)
        XCTAssertTrue(state[0].message.contains("use 'stream_interval'"), state[0].message)
        XCTAssertEqual(try Expression(parsing: "stream_slice.id").check(scope: requestScope), [])
        XCTAssertEqual(try Expression(parsing: "stream_slice.id").check(scope: ExpressionScope("x", variables: ["config"])).count, 1)
    }

    func testNamesInsideCallsFiltersAndLiteralsAreChecked() throws {
        let source = "max(a, 1) | default(b) if c.get(d) else [e, {'k': f}] | join(g)"
        let errors = try Expression(parsing: source).check(scope: ExpressionScope("t", variables: []))
        XCTAssertEqual(errors.map(\.offset), [4, 20, 26, 32, 41, 50, 61])
        XCTAssertTrue(errors[0].message.contains("(allowed: no variables)"), errors[0].message)
    }

    func testMemberAccesses() throws {
        let expression = try Expression(parsing: "config.a ~ config['b'] ~ config.get('c') ~ other.d ~ config.e.f")
        let accesses = expression.memberAccesses(of: "config")
        XCTAssertEqual(accesses.map(\.name), ["a", "b", "c", "e"])
        XCTAssertEqual(accesses.map(\.offset), [7, 18, 36, 60])
        XCTAssertEqual(expression.memberAccesses(of: "other").map(\.name), ["d"])
        XCTAssertEqual(expression.memberAccesses(of: "record").count, 0)
    }

    func testIsBooleanValued() throws {
        let cases: [(String, Bool?)] = [
            ("a == b", true), ("not a", true), ("a is none", true), ("a and b", true), ("a or b", true), ("true", true),
            ("1 < 2 < 3", true), ("'x' in y", true), ("x.startswith('a')", true), ("1", false), ("'x'", false),
            ("a + 1", false), ("a ~ b", false), ("[a]", false), ("a | length", false), ("now_utc()", false),
            ("1 if a else 2", false), ("true if a else false", true), ("a", nil), ("a.b", nil),
            ("a | default(false)", nil), ("a if b else c", nil), ("x.get('k')", nil), ("max(a, b)", nil),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try Expression(parsing: source).isBooleanValued(), expected, source)
        }
    }

    func testIsTrueUsesPythonTruthiness() throws {
        let context = ExpressionFixtures.context
        XCTAssertFalse(try Expression(parsing: "record.empty").isTrue(in: context))
        XCTAssertTrue(try Expression(parsing: "record.tags").isTrue(in: context))
        XCTAssertFalse(try Expression(parsing: "record.missing").isTrue(in: context))
    }
}
