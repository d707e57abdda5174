import KontorCore
import XCTest

final class MappingTests: XCTestCase {
    typealias F = MappingFixture

    func testRawValuesAndNestedObjects() throws {
        let mapping: JSONValue = ["status": "subscribed", "n": 1, "flags": [true, nil], "nested": ["a": ["b": "c"]]]
        XCTAssertEqual(try F.map(mapping), mapping)
    }

    func testDocumentedNewsletterExample() throws {
        let mapping: JSONValue = [
            "email_address": "$.traits.email", "status": "subscribed",
            "merge_fields": ["FNAME": ["@coalesce": ["$.traits.first_name", "$.traits.nickname"]], "GREETING": "Hallo {{ record.traits.first_name }}"],
            "tags": ["@arrayPath": ["$.traits.interests", ["name": "$.label"]]], "list": "$.config.list_id",
        ]
        let input: JSONValue = ["traits": ["email": "a@b.de", "first_name": "Ann", "interests": [["label": "running"]]]]
        XCTAssertEqual(try F.map(mapping, input), [
            "email_address": "a@b.de", "status": "subscribed", "merge_fields": ["FNAME": "Ann", "GREETING": "Hallo Ann"],
            "tags": [["name": "running"]], "list": "L1",
        ])
    }

    func testUndefinedDropsTheKeyButNullIsKept() throws {
        let mapping: JSONValue = [
            "missing": ["@path": "$.traits.nope"], "null": ["@path": "$.traits.last_name"],
            "list": [["@path": "$.nope"], ["@path": "$.user_id"], nil],
        ]
        XCTAssertEqual(try F.map(mapping), ["null": nil, "list": ["u1", nil]])
    }

    func testShorthands() throws {
        let mapping: JSONValue = [
            "email": "$.traits.email", "city": "$.traits.address.city", "all": "$",
            "greeting": "Hi {{ record.traits.first_name }}!", "plain": "just text", "list": "$.config.list_id",
        ]
        let result = try XCTUnwrap(F.map(mapping, ["traits": ["email": "a@b.c", "first_name": "Ann", "address": ["city": "Köln"]]]))
        XCTAssertEqual(result["email"], "a@b.c")
        XCTAssertEqual(result["city"], "Köln")
        XCTAssertEqual(result["greeting"], "Hi Ann!")
        XCTAssertEqual(result["plain"], "just text")
        XCTAssertEqual(result["list"], "L1")
        XCTAssertEqual(result["all"]?["traits"]?["email"], "a@b.c")
    }

    func testShorthandsOffKeepStringsAsTheyAre() throws {
        let mapping: JSONValue = ["email": "$.traits.email", "t": "{{ record.x }}", "p": ["@path": "$.user_id"]]
        XCTAssertEqual(try F.map(mapping, shorthands: false), ["email": "$.traits.email", "t": "{{ record.x }}", "p": "u1"])
    }

    func testLiteralEscapesShorthandsAndDirectives() throws {
        let mapping: JSONValue = [
            "a": ["@literal": "$.traits.email"], "b": ["@literal": "{{ not a template"],
            "c": ["@literal": ["@path": "$.x"]],
        ]
        XCTAssertEqual(try F.map(mapping), ["a": "$.traits.email", "b": "{{ not a template", "c": ["@path": "$.x"]])
    }

    func testScopeVariablesVersusInputPaths() throws {
        let mapping: JSONValue = ["list": "$.config.list_id", "mode": "$.mode", "record": "$.record.user_id", "input": "$.user_id"]
        XCTAssertEqual(try F.map(mapping), ["list": "L1", "mode": "upsert", "record": "u1", "input": "u1"])
    }

    func testOutputKeys() throws {
        let mapping = try Mapping(compiling: ["b": "$.x", "a": 1, "c": ["@path": "$.y"]], scope: F.scope)
        XCTAssertEqual(mapping.outputKeys, ["a", "b", "c"])
        XCTAssertEqual(try Mapping(compiling: ["@path": "$.traits"], scope: F.scope).outputKeys, [])
    }

    func testReferencesAndMemberAccesses() throws {
        let mapping = try Mapping(
            compiling: ["id": "$.config.list_id", "e": ["@path": "traits.email"], "t": "{{ config.region }}-x"],
            scope: F.scope)
        let references = mapping.references.sorted { $0.text < $1.text }
        XCTAssertEqual(references.map(\.text), ["$.config.list_id", "traits.email"])
        XCTAssertEqual(references.map(\.variable), ["config", nil])
        XCTAssertEqual(references.map(\.path), [["id"], ["e", "@path"]])
        XCTAssertEqual(references[1].segments, ["traits", "email"])
        let accesses = mapping.memberAccesses(of: "config").sorted { $0.name < $1.name }
        XCTAssertEqual(accesses.map(\.name), ["list_id", "region"])
        XCTAssertEqual(accesses.map(\.path), [["id"], ["t"]])
        XCTAssertEqual(accesses[0].offset, 9)
        XCTAssertEqual(accesses[1].offset, 10)
    }

    func testStructuralErrorsAreAllReportedWithPaths() {
        let errors = F.errors([
            "a": ["@path": "$.x", "@template": "y"],
            "b": ["@path": "$.x", "extra": 1],
            "c": ["nested": ["@paht": "$.x"]],
            "d": ["@path": 5],
            "e": ["list": [1, ["@nope": true]]],
        ])
        XCTAssertEqual(errors.sorted(), [
            "a: only one directive is allowed per object, found '@path', '@template'",
            "b: directive '@path' cannot be mixed with other keys ('extra')",
            "c.nested.@paht: unknown directive '@paht'; did you mean '@path'?",
            "d.@path: @path expects a string, got integer",
            "e.list.1.@nope: unknown directive '@nope'",
        ])
    }

    func testTemplateScopeErrorsCarryTheOffset() throws {
        let mapping: JSONValue = ["greeting": "Hi {{ secrets.token }}", "t": ["@template": "{{ record.a }} {{ traits.x }}"]]
        XCTAssertThrowsError(try Mapping(compiling: mapping, scope: F.scope)) { error in
            let errors = (error as? MappingErrors)?.errors.sorted { $0.path.joined() < $1.path.joined() } ?? []
            XCTAssertEqual(errors.map(\.path), [["greeting"], ["t", "@template"]])
            XCTAssertEqual(errors.map(\.expressionOffset), [6, 18])
        }
    }

    func testTemplateSyntaxErrorIsReported() {
        let errors = F.errors(["t": ["@template": "{{ record.a + }}"]])
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.hasPrefix("t.@template: invalid template") == true, "\(errors)")
    }

    func testPathSyntaxErrors() throws {
        XCTAssertThrowsError(try Mapping(compiling: ["a": "$.items[x]", "b": ["@path": "a..b"], "c": ["@path": ""]], scope: F.scope)) {
            let errors = ($0 as? MappingErrors)?.errors.sorted { $0.path.joined() < $1.path.joined() } ?? []
            XCTAssertEqual(errors.map(\.path), [["a"], ["b", "@path"], ["c", "@path"]])
            XCTAssertEqual(errors.map(\.expressionOffset), [7, 2, 0])
            XCTAssertEqual(errors.first?.message, "invalid path '$.items[x]': expected an index, '*' or a quoted key inside '[]', got 'x'")
        }
    }

    func testPathForms() throws {
        let input: JSONValue = ["a": ["b.c": 1, "list": [["v": 1], ["v": 2], ["w": 3]]], "m": ["x": ["v": 7], "y": ["v": 8]]]
        let table: [(String, JSONValue?)] = [
            ("$.a['b.c']", 1), ("a[\"b.c\"]", 1), ("$.a.list[1].v", 2), ("a.list.0.v", 1), ("$.a.list[5]", nil),
            ("$.a.list[*].v", [1, 2]), ("$.a.list.*.w", [3]), ("$.m.*.v", [7, 8]), ("$.a.nope[*]", []),
            ("$.a.b.c", nil), ("$", input),
        ]
        for (path, expected) in table {
            let result = try F.map(["@path": .string(path)], input)
            XCTAssertEqual(result, expected, "\(path): \(String(describing: result)) vs \(String(describing: expected))")
        }
    }
}
