import KontorCore
import XCTest

final class FieldPipelineTests: XCTestCase {
    private typealias Fixtures = ActivationFixtures

    private func pipeline(fields: String, mapping: JSONValue, defaultCountry: String? = nil) throws -> FieldPipeline {
        let action = try Fixtures.action(#"{"fields": \#(fields), "request": {"method": "POST"}}"#)
        return try FieldPipeline(action: action, mapping: mapping, defaultCountry: defaultCountry)
    }

    private func payload(_ pipeline: FieldPipeline, _ traits: JSONValue) throws(RecordPlanningError) -> JSONValue {
        try pipeline.payload(profileID: "p1", view: ["traits": traits], config: ["list_id": "L1"], mode: .mirror, now: Fixtures.now)
    }

    func testCastsPerTypeTable() throws {
        let cases: [(type: String, input: JSONValue, expected: JSONValue?)] = [
            ("string", "a", "a"), ("string", 42, "42"), ("string", 2.0, "2"), ("string", true, "true"),
            ("string", ["a"], nil),
            ("integer", 7, 7), ("integer", 7.0, 7), ("integer", " 12 ", 12), ("integer", "12.0", 12),
            ("integer", 7.5, nil), ("integer", "x", nil), ("integer", true, nil),
            ("number", 1.5, 1.5), ("number", 3, 3), ("number", "2.25", 2.25), ("number", "4", 4), ("number", "four", nil),
            ("boolean", true, true), ("boolean", "TRUE", true), ("boolean", "0", false), ("boolean", 1, true),
            ("boolean", 2, nil), ("boolean", "yes", nil),
            ("datetime", "2025-06-15T12:00:00+02:00", "2025-06-15T10:00:00Z"), ("datetime", 0, "1970-01-01T00:00:00Z"),
            ("datetime", "yesterday", nil),
            ("object", ["a": 1], ["a": 1]), ("object", "a", nil),
            ("array", [1, 2], [1, 2]), ("array", "solo", ["solo"]),
        ]
        for (type, input, expected) in cases {
            let pipeline = try pipeline(fields: #"{"v": {"type": "\#(type)"}}"#, mapping: ["v": "$.traits.v"])
            do {
                let result = try payload(pipeline, ["v": input])
                XCTAssertEqual(result["v"], expected, "\(type) ← \(input)")
            } catch {
                XCTAssertNil(expected, "\(type) ← \(input): \(error)")
                XCTAssertEqual(error.problems.map(\.field), ["v"])
            }
        }
    }

    func testTypedArrayItems() throws {
        let pipeline = try pipeline(fields: #"{"tags": {"type": "array", "items": {"type": "integer"}}}"#, mapping: ["tags": "$.traits.t"])
        XCTAssertEqual(try payload(pipeline, ["t": ["1", 2]])["tags"], [1, 2])
        XCTAssertThrowsError(try payload(pipeline, ["t": [1, "x"]])) { error in
            XCTAssertEqual((error as? RecordPlanningError)?.problems.first?.message, #"[1]: expected integer, got "x""#)
        }
    }

    func testRequiredMissingIsAPerRecordErrorListingEveryProblem() throws {
        let pipeline = try pipeline(
            fields: #"{"email": {"type": "string", "required": true}, "age": {"type": "integer"}, "id": {"type": "string", "required": true}}"#,
            mapping: ["email": "$.traits.email", "age": "$.traits.age", "id": "$.traits.id"])
        XCTAssertThrowsError(try payload(pipeline, ["age": "old"])) { error in
            let planning = error as? RecordPlanningError
            XCTAssertEqual(planning?.profileID, "p1")
            XCTAssertEqual(planning?.problems.map(\.description), [
                #"age: expected integer, got "old""#,
                "email: required field is missing",
                "id: required field is missing",
            ])
        }
        XCTAssertEqual(try payload(pipeline, ["email": "a@b.io", "id": "7"]), ["email": "a@b.io", "id": "7"])
    }

    func testDefaultsFillOnlyMissingKeys() throws {
        let fields = #"{"status": {"type": "string", "default": {"@literal": "subscribed"}},"#
            + #" "list": {"type": "string", "default": {"@template": "{{ config.list_id }}"}},"#
            + #" "email": {"type": "string", "default": {"@path": "$.traits.email"}}}"#
        let pipeline = try pipeline(fields: fields, mapping: ["status": "$.traits.status"])
        XCTAssertEqual(try payload(pipeline, ["email": "a@b.io"]), ["status": "subscribed", "list": "L1", "email": "a@b.io"])
        XCTAssertEqual(try payload(pipeline, ["status": "pending"])["status"], "pending")
    }

    func testNullIsKeptOnlyWhenAllowed() throws {
        let pipeline = try pipeline(
            fields: #"{"a": {"type": "string", "allow_null": true}, "b": {"type": "string"}, "c": {"type": "string", "required": true}}"#,
            mapping: ["a": "$.traits.a", "b": "$.traits.b", "c": "$.traits.c"])
        XCTAssertEqual(try payload(pipeline, ["a": nil, "b": nil, "c": "x"]), ["a": nil, "c": "x"])
        XCTAssertThrowsError(try payload(pipeline, ["c": nil]))
    }

    func testChoices() throws {
        let pipeline = try pipeline(fields: #"{"s": {"type": "string", "choices": ["subscribed", "pending"]}}"#, mapping: ["s": "$.traits.s"])
        XCTAssertEqual(try payload(pipeline, ["s": "pending"])["s"], "pending")
        XCTAssertThrowsError(try payload(pipeline, ["s": "cleaned"])) { error in
            XCTAssertEqual((error as? RecordPlanningError)?.problems.first?.message, #""cleaned" is not one of "subscribed", "pending""#)
        }
    }

    func testPIINormaliseAndHashPerField() throws {
        let fields = #"{"email": {"type": "string", "required": true, "pii": "email", "hash": "sha256"},"#
            + #" "phone": {"type": "string", "pii": "phone", "normalize": "digits", "hash": "sha256"},"#
            + #" "plain": {"type": "string", "pii": "email"}}"#
        let pipeline = try pipeline(
            fields: fields, mapping: ["email": "$.traits.email", "phone": "$.traits.phone", "plain": "$.traits.email"],
            defaultCountry: "DE")
        let result = try payload(pipeline, ["email": "  Ann@Example.com ", "phone": "+49 151 12345678"])
        XCTAssertEqual(result["email"], "71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476")
        XCTAssertEqual(result["phone"], "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd")
        XCTAssertEqual(result["plain"], "ann@example.com")
    }

    func testRejectedPIIValueCountsAsMissing() throws {
        let pipeline = try pipeline(
            fields: #"{"email": {"type": "string", "required": true, "pii": "email"}, "zip": {"type": "string", "pii": "zip"}}"#,
            mapping: ["email": "$.traits.email", "zip": "$.traits.zip"])
        XCTAssertEqual(try payload(pipeline, ["email": "a@b.io", "zip": "   "]), ["email": "a@b.io"])
        XCTAssertThrowsError(try payload(pipeline, ["email": "   "])) { error in
            XCTAssertEqual((error as? RecordPlanningError)?.problems.map(\.description), ["email: not a valid email value"])
        }
    }

    func testCompileErrorsAreCollected() throws {
        let action = try Fixtures.action(
            #"{"fields": {"a": {"type": "string", "default": {"@path": 3}}}, "request": {"method": "POST"}}"#)
        XCTAssertThrowsError(try FieldPipeline(action: action, mapping: ["a": ["@nope": 1]])) { error in
            let paths = (error as? MappingErrors)?.errors.map(\.path) ?? []
            XCTAssertEqual(paths.count, 2, "\(paths)")
            XCTAssertTrue(paths.contains { $0.starts(with: ["fields", "a", "default"]) }, "\(paths)")
        }
    }
}
