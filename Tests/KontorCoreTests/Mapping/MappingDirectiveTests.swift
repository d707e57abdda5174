import KontorCore
import XCTest

/// The mapping-kit directives: happy paths and compile errors with their exact paths.
final class MappingDirectiveTests: XCTestCase {
    typealias F = MappingFixture

    func testTemplate() throws {
        XCTAssertEqual(try F.map(["@template": "{{ record.traits.first_name }} ({{ record.traits.age }})"]), "Ann (42)")
        XCTAssertEqual(try F.map(["@template": "{{ record.traits.age }}"]), 42)
        XCTAssertEqual(try F.map(["@template": "{{ record.traits.missing }}"]), "")
        XCTAssertEqual(try F.map(["@template": "x{{ record.traits.missing }}y"]), "xy")
        XCTAssertEqual(F.errors(["t": "{{ item }}"]).count, 1, "item is only in scope inside @arrayPath")
    }

    func testIfExists() throws {
        let mapping: JSONValue = ["@if": ["exists": "$.traits.first_name", "then": "yes", "else": "no"]]
        XCTAssertEqual(try F.map(mapping), "yes")
        XCTAssertEqual(try F.map(["@if": ["exists": "$.traits.last_name", "then": "yes", "else": "no"]]), "no")
        XCTAssertEqual(try F.map(["@if": ["exists": "$.traits.nope", "then": "yes", "else": "no"]]), "no")
        XCTAssertEqual(try F.map(["@if": ["exists": "$.traits.nickname", "then": "yes", "else": "no"]]), "yes")
        XCTAssertEqual(try F.map(["k": ["@if": ["exists": "$.traits.nope", "then": "yes"]]]), [:])
        XCTAssertEqual(try F.map(["k": ["@if": ["exists": "$.user_id", "else": "no"]]]), [:])
    }

    func testIfBlank() throws {
        let table: [(String, JSONValue)] = [("$.traits.nickname", "else"), ("$.traits.last_name", "else"),
                                            ("$.traits.nope", "else"), ("$.traits.first_name", "then"), ("$.traits.age", "then")]
        for (path, expected) in table {
            XCTAssertEqual(try F.map(["@if": ["blank": .string(path), "then": "then", "else": "else"]]), expected, path)
        }
    }

    func testIfErrors() {
        XCTAssertEqual(F.errors(["x": ["@if": ["then": 1]]]), ["x.@if: @if requires exactly one of 'exists' or 'blank'"])
        XCTAssertEqual(F.errors(["x": ["@if": ["exists": 1, "blank": 2]]]), ["x.@if: @if requires exactly one of 'exists' or 'blank'"])
        XCTAssertEqual(F.errors(["x": ["@if": ["exists": 1, "thn": 2]]]), ["x.@if.thn: unknown key 'thn' in @if; did you mean 'then'?"])
        XCTAssertEqual(F.errors(["x": ["@if": "$.a"]]), ["x.@if: @if expects an object with keys exists, blank, then, else, got string"])
        XCTAssertEqual(F.errors(["x": ["@if": ["exists": "$.a", "then": ["@path": "b[x"]]]]).count, 1)
    }

    func testCase() throws {
        XCTAssertEqual(try F.map(["@case": ["operator": "upper", "value": "$.traits.first_name"]]), "ANN")
        XCTAssertEqual(try F.map(["@case": ["operator": "lower", "value": "MiXeD"]]), "mixed")
        XCTAssertEqual(try F.map(["@case": ["operator": "lower", "value": "$.traits.age"]]), 42)
        XCTAssertEqual(try F.map(["k": ["@case": ["operator": "lower", "value": "$.nope"]]]), [:])
        XCTAssertEqual(F.errors(["x": ["@case": ["operator": "title", "value": "a"]]]),
                       ["x.@case.operator: 'operator' must be one of lower, upper, got 'title'"])
        XCTAssertEqual(F.errors(["x": ["@case": ["value": "a"]]]), ["x.@case: @case requires 'operator' (lower|upper)"])
    }

    func testReplace() throws {
        XCTAssertEqual(try F.map(["@replace": ["value": "a-b-c", "pattern": "-"]]), "abc")
        XCTAssertEqual(try F.map(["@replace": ["value": "a-b-c", "pattern": "-", "replacement": "+", "global": false]]), "a+b-c")
        XCTAssertEqual(try F.map(["@replace": ["value": "Foo foo", "pattern": "FOO", "replacement": "x", "ignorecase": true]]), "x x")
        XCTAssertEqual(try F.map(["@replace": ["value": "Foo foo", "pattern": "FOO", "replacement": "x"]]), "Foo foo")
        XCTAssertEqual(try F.map(["@replace": ["value": "a.b*c", "pattern": ".", "replacement": "_", "pattern2": "*", "replacement2": "!"]]), "a_b!c")
        XCTAssertEqual(try F.map(["@replace": ["value": "$.traits.age", "pattern": "4", "replacement": "5"]]), "52")
        XCTAssertEqual(try F.map(["@replace": ["value": "$.traits.last_name", "pattern": "a"]]), .null)
        XCTAssertEqual(F.errors(["x": ["@replace": ["value": "a", "global": "yes"]]]).sorted(), [
            "x.@replace.global: 'global' must be true or false, got string", "x.@replace: @replace requires 'pattern'",
        ])
        XCTAssertEqual(F.errors(["x": ["@replace": ["value": "a", "pattern": ""]]]), ["x.@replace.pattern: 'pattern' must not be empty"])
    }

    func testArrayPath() throws {
        let mapping: JSONValue = ["@arrayPath": ["$.items", ["sku": ["@path": "$.id"], "cost": "$.price", "label": "{{ item.id }}-{{ config.region }}"]]]
        XCTAssertEqual(try F.map(mapping), [["sku": "A", "cost": 10, "label": "A-eu"], ["sku": "B", "cost": 20.5, "label": "B-eu"]])
        XCTAssertEqual(try F.map(["@arrayPath": ["$.traits.address", ["c": "$.city"]]]), [["c": "Berlin"]])
        XCTAssertEqual(try F.map(["@arrayPath": ["items"]]), F.profile["items"])
        XCTAssertEqual(try F.map(["@arrayPath": ["$.user_id", ["c": "$.city"]]]), "u1")
        XCTAssertEqual(try F.map(["k": ["@arrayPath": ["$.nope", ["c": "$.city"]]]]), [:])
        XCTAssertEqual(F.errors(["x": ["@arrayPath": "$.items"]]), ["x.@arrayPath: @arrayPath expects [path, item shape], got string"])
        XCTAssertEqual(F.errors(["x": ["@arrayPath": ["$.items", "nope"]]]), ["x.@arrayPath.1: the item shape of @arrayPath must be an object, got string"])
        XCTAssertEqual(F.errors(["x": ["@arrayPath": ["$.items", ["a": "{{ other.x }}"]]]]).count, 1)
    }

    func testMerge() throws {
        let objects: JSONValue = [["a": 1, "b": 1], ["b": 2, "c": "$.user_id"], "$.nope", nil]
        XCTAssertEqual(try F.map(["@merge": ["objects": objects, "direction": "right"]]), ["a": 1, "b": 2, "c": "u1"])
        XCTAssertEqual(try F.map(["@merge": ["objects": objects, "direction": "left"]]), ["a": 1, "b": 1, "c": "u1"])
        XCTAssertEqual(F.errors(["x": ["@merge": ["objects": [], "direction": "up"]]]),
                       ["x.@merge.direction: 'direction' must be one of left, right, got 'up'"])
        XCTAssertEqual(F.errors(["x": ["@merge": ["objects": "$.a", "direction": "left"]]]), ["x.@merge.objects: 'objects' must be an array, got string"])
    }

    func testTransform() throws {
        let mapping: JSONValue = ["@transform": [
            "apply": ["name": "$.traits.first_name", "city": "$.traits.address.city"],
            "mapping": ["label": "{{ config.region }}", "who": "$.name", "where": ["@case": ["operator": "upper", "value": "$.city"]]],
        ]]
        XCTAssertEqual(try F.map(mapping), ["label": "eu", "who": "Ann", "where": "BERLIN"])
        XCTAssertEqual(F.errors(["x": ["@transform": ["apply": "$.a", "mapping": [:]]]]), ["x.@transform.apply: 'apply' must be an object, got string"])
        XCTAssertEqual(F.errors(["x": ["@transform": ["apply": [:]]]]), ["x.@transform: @transform requires 'mapping'"])
    }

    func testFlatten() throws {
        let value: JSONValue = ["a": ["b": 1, "c": ["d": true]], "list": [1, ["x": 2]], "empty": [:]]
        XCTAssertEqual(try F.map(["@flatten": ["value": ["@literal": value], "separator": "."]]),
                       ["a.b": 1, "a.c.d": true, "list.0": 1, "list.1.x": 2, "empty": [:]])
        XCTAssertEqual(try F.map(["@flatten": ["value": ["@literal": value], "separator": "_", "omitArrays": true]]),
                       ["a_b": 1, "a_c_d": true, "list": [1, ["x": 2]], "empty": [:]])
        XCTAssertEqual(try F.map(["@flatten": ["value": "$.user_id", "separator": "."]]), "u1")
        XCTAssertEqual(F.errors(["x": ["@flatten": ["value": 1]]]), ["x.@flatten: @flatten requires 'separator'"])
    }

    func testJSON() throws {
        XCTAssertEqual(try F.map(["@json": ["mode": "encode", "value": "$.traits.address"]]), #"{"city":"Berlin","zip":"10115"}"#)
        XCTAssertEqual(try F.map(["@json": ["mode": "encode", "value": ["@literal": ["b": [1, 2.5, nil], "a": "x\"y"]]]]),
                       #"{"a":"x\"y","b":[1,2.5,null]}"#)
        XCTAssertEqual(try F.map(["@json": ["mode": "decode", "value": #"{"a":[1,true,"x"]}"#]]), ["a": [1, true, "x"]])
        XCTAssertEqual(try F.map(["@json": ["mode": "decode", "value": "$.traits.age"]]), 42)
        XCTAssertEqual(try F.runError(["x": ["@json": ["mode": "decode", "value": "{nope"]]])?.path, ["x", "@json"])
        XCTAssertEqual(F.errors(["x": ["@json": ["mode": "pretty", "value": 1]]]),
                       ["x.@json.mode: 'mode' must be one of encode, decode, got 'pretty'"])
    }

    func testExcludeWhenNull() throws {
        let mapping: JSONValue = [
            "a": ["@excludeWhenNull": ["@path": "$.traits.last_name"]], "b": ["@excludeWhenNull": "$.traits.first_name"],
            "c": ["@excludeWhenNull": "$.nope"], "d": ["@path": "$.traits.last_name"],
        ]
        XCTAssertEqual(try F.map(mapping), ["b": "Ann", "d": nil])
    }
}
