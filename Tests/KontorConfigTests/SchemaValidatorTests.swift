import KontorConfig
import KontorCore
import XCTest

final class SchemaValidatorTests: XCTestCase {
    private let schema: Schema = .object([
        "name": .required(.string()),
        "count": Property(.integer(minimum: 1, maximum: 10)),
        "ratio": Property(.number),
        "enabled": Property(.boolean),
        "every": Property(.duration),
        "size": Property(.string(format: .byteSize)),
        "limit": Property(.string(format: .rateLimit)),
        "pattern": Property(.string(format: .regex)),
        "mode": Property(.string(choices: ["add", "upsert", "remove", "mirror"])),
        "tags": Property(.array(.string(), minItems: 1)),
        "sources": Property(.map(.object(["plugin": .required(.string()), "schedule": Property(.object(["every": .required(.duration)]))]), keyPattern: "^[a-z_][a-z0-9_]*$")),
        "auth": Property(.tagged(discriminator: "type", variants: [
            "bearer": ObjectSchema(["token": .required(.string())]),
            "basic": ObjectSchema(["username": .required(.string()), "password": Property(.string())]),
        ])),
        "page_size": Property(.either([.integer(minimum: 1), .string(format: .template(ExpressionScope("config", variables: ["config"])))])),
        "node": Property(.reference("Node")),
    ])
    private let registry = SchemaRegistry(["Node": .object(["child": Property(.reference("Node")), "value": Property(.integer())])])

    private func problems(_ yaml: String) -> [String] {
        let (root, syntax) = YAMLDocumentLoader.load(text: yaml, file: "c.yaml")
        XCTAssertEqual(syntax, [])
        guard let root else { return ["no root"] }
        return SchemaValidator(file: "c.yaml", references: registry).validate(root, against: schema).map(\.description)
    }

    func testValidDocumentHasNoProblems() {
        let yaml = """
            name: x
            count: 3
            ratio: 1
            enabled: true
            every: 15m
            size: 5MB
            limit: 10/1s
            pattern: "^a+$"
            mode: mirror
            tags: [a]
            sources: {shop: {plugin: shopify, schedule: {every: 1h}}}
            auth: {type: basic, username: u}
            page_size: 100
            node: {child: {child: {value: 1}}}
            """
        XCTAssertEqual(problems(yaml), [])
    }

    func testTableOfSingleProblems() {
        let table: [(String, String)] = [
            ("nme: x", "c.yaml:1:1: error: missing required key 'name'"),
            ("name: x\ncoutn: 1", "c.yaml:2:1: error: unknown key 'coutn'; did you mean 'count'?"),
            ("name: x\ncount: 0", "c.yaml:2:8: error: must be at least 1, got 0"),
            ("name: x\ncount: 11", "c.yaml:2:8: error: must be at most 10, got 11"),
            ("name: x\ncount: many", "c.yaml:2:8: error: expected an integer, got 'many'"),
            ("name: x\nratio: abc", "c.yaml:2:8: error: expected a number, got 'abc'"),
            ("name: x\nenabled: yes", "c.yaml:2:10: error: expected true or false, got 'yes'"),
            ("name: x\nevery: soon", "c.yaml:2:8: error: expected a duration like '15m', got 'soon'"),
            ("name: x\nevery: 15", "c.yaml:2:8: error: expected a duration like '15m', got 15"),
            ("name: x\nsize: big", "c.yaml:2:7: error: expected a byte size like '5MB', got 'big'"),
            ("name: x\nlimit: 10 per second", "c.yaml:2:8: error: expected a rate limit like '10/1s' (count/duration), got '10 per second'"),
            ("name: x\npattern: '(a'", "c.yaml:2:10: error: invalid regular expression '(a'"),
            ("name: x\nmode: mirrro", "c.yaml:2:7: error: 'mirrro' is not one of 'add', 'upsert', 'remove', 'mirror'; did you mean 'mirror'?"),
            ("name: x\ntags: []", "c.yaml:2:7: error: needs at least 1 item, got 0"),
            ("name: x\ntags: a", "c.yaml:2:7: error: expected a list, got 'a'"),
            ("name: 12", "c.yaml:1:7: error: expected a string, got 12 (write \"12\" to make it a string)"),
            ("name: [a]", "c.yaml:1:7: error: expected a string, got a list"),
            ("name: x\nsources: {shop: {plugin: s, schedul: {every: 1m}}}", "c.yaml:2:29: error: unknown key 'schedul' in source 'shop'; did you mean 'schedule'?"),
            ("name: x\nsources: {shop: {plugin: s, schedule: {evry: 1m}}}", "c.yaml:2:39: error: missing required key 'every' in 'schedule' of source 'shop'"),
            ("name: x\nsources: {Shop: {plugin: s}}", "c.yaml:2:11: error: invalid source name 'Shop': must match ^[a-z_][a-z0-9_]*$"),
            ("name: x\nsources: {shop: {}}", "c.yaml:2:17: error: missing required key 'plugin' in source 'shop'"),
            ("name: x\nauth: {token: t}", "c.yaml:2:7: error: missing required key 'type' in 'auth'; one of 'basic', 'bearer'"),
            ("name: x\nauth: {type: barer, token: t}", "c.yaml:2:14: error: unknown type 'barer' in 'auth'; expected one of 'basic', 'bearer'; did you mean 'bearer'?"),
            ("name: x\nauth: {type: bearer, tokn: t}", "c.yaml:2:22: error: unknown key 'tokn' in 'auth'; did you mean 'token'?"),
            ("name: x\nauth: {type: bearer, tokn: t}\n", "c.yaml:2:7: error: missing required key 'token' in 'auth'"),
            ("name: x\npage_size: 0", "c.yaml:2:12: error: must be at least 1, got 0"),
            ("name: x\npage_size: \"{{ confg.a }}\"", "c.yaml:2:16: error: unknown variable 'confg' in config (allowed: config); did you mean 'config'?"),
            ("name: x\npage_size: {{ config.a }}", "c.yaml:2:12: error: expected an integer or a template, got a mapping"),
            ("name: x\npage_size: [1]", "c.yaml:2:12: error: expected an integer or a template, got a list"),
            ("name: x\nnode: {child: {child: {value: x}}}", "c.yaml:2:31: error: expected an integer, got 'x'"),
        ]
        for (yaml, expected) in table {
            XCTAssertTrue(problems(yaml).contains(expected), "\(yaml)\n got: \(problems(yaml))\n want: \(expected)")
        }
    }

    func testAllProblemsInFileOrder() {
        let yaml = """
            count: 0
            mode: upsret
            tags: [1, [2]]
            extra: 1
            """
        XCTAssertEqual(problems(yaml), [
            "c.yaml:1:1: error: missing required key 'name'",
            "c.yaml:1:8: error: must be at least 1, got 0",
            "c.yaml:2:7: error: 'upsret' is not one of 'add', 'upsert', 'remove', 'mirror'; did you mean 'upsert'?",
            "c.yaml:3:8: error: expected a string, got 1 (write \"1\" to make it a string)",
            "c.yaml:3:11: error: expected a string, got a list",
            "c.yaml:4:1: error: unknown key 'extra'",
        ])
    }

    func testNullCountsAsAbsentForOptionalKeys() {
        XCTAssertEqual(problems("name: x\ncount:\ntags: ~"), [])
        XCTAssertEqual(problems("name:"), ["c.yaml:1:1: error: missing required key 'name'"])
    }

    func testMappingProblemsPointIntoTheMapping() throws {
        let yaml = "m:\n  email: \"$.traits.email\"\n  name: {\"@template\": \"{{ recrd.x }}\"}\n"
        let (root, _) = YAMLDocumentLoader.load(text: yaml, file: "c.yaml")
        let schema: Schema = .object(["m": Property(.mapping(scope: ExpressionScope("mapping", variables: ["traits"])))])
        let diagnostics = SchemaValidator(file: "c.yaml").validate(try XCTUnwrap(root), against: schema)
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        XCTAssertEqual(diagnostics.first?.location?.line, 3)
        XCTAssertGreaterThan(diagnostics.first?.location?.column ?? 0, 9)
    }

    func testUnknownReferenceIsReported() {
        let (root, _) = YAMLDocumentLoader.load(text: "a: 1", file: "c.yaml")
        let diagnostics = SchemaValidator(file: "c.yaml").validate(root!, against: .reference("Nope"))
        XCTAssertEqual(diagnostics.map(\.message), ["internal error: the schema refers to an unknown definition 'Nope'"])
    }
}
