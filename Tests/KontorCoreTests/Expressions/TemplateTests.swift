import XCTest

@testable import KontorCore

/// Templates: type preservation, mixed text, whitespace control and errors with template offsets.
final class TemplateTests: XCTestCase {
    private func render(_ source: String, line: UInt = #line) -> JSONValue? {
        do {
            return try Template(parsing: source).render(in: ExpressionFixtures.context)
        } catch {
            XCTFail("\(source): \(error)", line: line)
            return nil
        }
    }

    func testSingleExpressionKeepsItsType() {
        XCTAssertEqual(render("{{ record.id }}"), 7)
        XCTAssertEqual(render("{{ record.tags }}"), ["a", "b", "c"])
        XCTAssertEqual(render("{{ config.flag }}"), true)
        XCTAssertEqual(render(" {{ record.id }}\n"), 7)
        XCTAssertEqual(render("{{ record.missing }}"), .null)
        XCTAssertEqual(render("{{ {'a': {'b': 1}} }}"), ["a": ["b": 1]])
        XCTAssertEqual(render("{{ 'x' }}"), "x")
        XCTAssertEqual(render("{{ now_utc() }}"), "2024-03-05T07:08:09.123456Z")
        XCTAssertEqual(render("{{ config.page_size | int }}"), 50)
    }

    func testMixedTextGivesAString() {
        XCTAssertEqual(render("id-{{ record.id }}"), "id-7")
        XCTAssertEqual(render("x{{ record.missing }}y"), "xy")
        XCTAssertEqual(render("{{ record.name }} {{ record.id }}"), "Ada 7")
        XCTAssertEqual(render("lists/{{ stream_partition.list_id }}/profiles"), "lists/L1/profiles")
        XCTAssertEqual(render("v={{ 1.5 }}&w={{ 3.0 }}"), "v=1.5&w=3.0")
        XCTAssertEqual(render("{{ true }}-{{ none }}"), "true-")
        XCTAssertEqual(render("Klaviyo-API-Key {{ config.api_key }}"), "Klaviyo-API-Key k")
        XCTAssertEqual(render("filter={%22a%22}"), "filter={%22a%22}")
        XCTAssertEqual(render("plain"), "plain")
        XCTAssertEqual(render("a {{- ' b ' -}} c"), "a b c")
        XCTAssertEqual(render("{{ '}}' }}"), "}}")
    }

    func testIsLiteralAndBooleanValued() throws {
        XCTAssertTrue(try Template(parsing: "plain text").isLiteral)
        XCTAssertFalse(try Template(parsing: "a {{ b }}").isLiteral)
        XCTAssertEqual(try Template(parsing: "{{ a == 1 }}").isBooleanValued(), true)
        XCTAssertEqual(try Template(parsing: "x {{ a == 1 }}").isBooleanValued(), false)
        XCTAssertNil(try Template(parsing: "{{ a }}").isBooleanValued())
    }

    func testErrorsCarryTemplateOffsets() {
        let cases: [(String, Int, String)] = [
            ("a {{ 1 + }} b", 9, "expected a value"), ("x {{ y", 6, "missing '}}'"), ("{{ }}", 0, "empty"),
            ("ab {% if x %}y{% endif %}", 3, "statements are not supported"),
            ("ok {{ x | lenght }}", 10, "did you mean 'length'?"), ("{{ 'abc }}", 3, "unterminated string"),
        ]
        for (source, offset, message) in cases {
            XCTAssertThrowsError(try Template(parsing: source), source) { error in
                guard let error = error as? ExpressionError else { return XCTFail("\(source): \(error)") }
                XCTAssertEqual(error.offset, offset, "\(source): \(error.message)")
                XCTAssertTrue(error.message.contains(message), "\(source): \(error.message)")
            }
        }
        XCTAssertThrowsError(try Template(parsing: "n={{ 1 / 0 }}").render(in: ExpressionFixtures.context)) { error in
            XCTAssertEqual((error as? ExpressionError)?.offset, 7)
        }
    }

    func testScopeCheckAndMemberAccessesUseTemplateOffsets() throws {
        let template = try Template(parsing: "x {{ recrod.name }}")
        let errors = template.check(scope: ExpressionScope("http.auth", variables: ["record", "config"]))
        XCTAssertEqual(errors.map(\.offset), [5])
        XCTAssertTrue(errors.first?.message.contains("did you mean 'record'?") ?? false, "\(errors)")

        let keys = try Template(parsing: "Key {{ config.api_key }} and {{ config[\"region\"] }}").memberAccesses(of: "config")
        XCTAssertEqual(keys.map(\.name), ["api_key", "region"])
        XCTAssertEqual(keys.map(\.offset), [14, 39])
    }
}
