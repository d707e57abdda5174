import KontorConfig
import KontorCore
import XCTest

final class YAMLDocumentLoaderTests: XCTestCase {
    private func load(_ text: String) -> (YAMLNode?, [String]) {
        let (root, diagnostics) = YAMLDocumentLoader.load(text: text, file: "t.yaml")
        return (root, diagnostics.map(\.description))
    }

    func testPositionsOfKeysAndValues() throws {
        let (root, diagnostics) = load("kontor: 1\nsources:\n  shop:\n    plugin: shopify\n    streams: [a, b]\n")
        XCTAssertEqual(diagnostics, [])
        let tree = try XCTUnwrap(root)
        XCTAssertEqual(tree.location(at: ["sources", "shop", "plugin"]).description, "t.yaml:4:13")
        XCTAssertEqual(tree.keyLocation(at: ["sources", "shop", "plugin"]).description, "t.yaml:4:5")
        XCTAssertEqual(tree.location(at: ["sources", "shop", "streams", "1"]).description, "t.yaml:5:18")
        // A path leaving the tree points at the deepest node reached.
        XCTAssertEqual(tree.location(at: ["sources", "shop", "missing"]).description, "t.yaml:4:5")
        XCTAssertEqual(tree.entries?.map { $0.key.stringValue ?? "" }, ["kontor", "sources"])
    }

    func testSyntaxErrorIsOnePositionedDiagnostic() {
        let (root, diagnostics) = load("a: [1, 2\nb: 3\n")
        XCTAssertNil(root)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].hasPrefix("t.yaml:2:2: error: invalid YAML:"), diagnostics[0])
    }

    func testTabIndentationIsNamed() {
        let (_, diagnostics) = load("a:\n\tb: 1\n")
        XCTAssertEqual(diagnostics, ["t.yaml:2:1: error: tab character used for indentation; YAML indents with spaces only"])
    }

    func testDuplicateKeyPointsAtTheRepeat() {
        let (_, diagnostics) = load("a: 1\nb: 2\na: 3\n")
        XCTAssertEqual(diagnostics, ["t.yaml:3:1: error: duplicate key 'a' (first defined at line 1)"])
    }

    func testAnchorsAliasesAndMergeKeys() throws {
        let text = """
            defaults: &d {plugin: shopify, enabled: false}
            one: *d
            two:
              <<: *d
              enabled: true
            """
        let (root, diagnostics) = load(text)
        XCTAssertEqual(diagnostics, [])
        let json = try XCTUnwrap(root).toJSON()
        XCTAssertEqual(json["one"], ["plugin": "shopify", "enabled": false])
        XCTAssertEqual(json["two"], ["plugin": "shopify", "enabled": true])
    }

    func testEmptyDocumentHasNoRoot() {
        let (root, diagnostics) = load("# only a comment\n")
        XCTAssertNil(root)
        XCTAssertEqual(diagnostics, [])
    }

    func testCoreSchemaScalarResolution() throws {
        let table: [(String, JSONValue)] = [
            ("true", true), ("False", false), ("yes", "yes"), ("on", "on"), ("no", "no"),
            ("null", nil), ("~", nil), ("", nil), ("'null'", "null"), ("\"true\"", "true"),
            ("42", 42), ("-7", -7), ("+3", 3), ("0x1F", 31), ("0o17", 15), ("007", 7),
            ("1.5", 1.5), ("-.5", -0.5), ("1e3", 1000.0), ("2.", 2.0), (".inf", ".inf"),
            ("15m", "15m"), ("'42'", "42"), ("!!str 42", "42"), ("!!int \"42\"", 42),
            ("6248377106491", 6_248_377_106_491), ("99999999999999999999", "99999999999999999999"),
            ("1_000", "1_000"), ("12:30", "12:30"), ("2024-01-01", "2024-01-01"),
        ]
        for (text, expected) in table {
            let (root, diagnostics) = load("v: \(text)\n")
            XCTAssertEqual(diagnostics, [], text)
            XCTAssertEqual(root?["v"]?.toJSON(), expected, "v: \(text)")
        }
    }

    func testBlockScalarsAreStrings() throws {
        let (root, _) = load("a: |\n  42\nb: >-\n  true\n")
        XCTAssertEqual(root?["a"]?.toJSON(), "42\n")
        XCTAssertEqual(root?["b"]?.toJSON(), "true")
    }

    func testMultipleDocumentsAreRejected() {
        let (_, diagnostics) = load("a: 1\n---\nb: 2\n")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].contains("error: invalid YAML"), diagnostics[0])
    }

    func testOffsetsInsideScalars() throws {
        let (root, _) = load("p: abc\nq: \"abc\"\nr: |\n  abc\n")
        let tree = try XCTUnwrap(root)
        XCTAssertEqual(tree["p"]?.location(atOffset: 2).description, "t.yaml:1:6")
        XCTAssertEqual(tree["q"]?.location(atOffset: 2).description, "t.yaml:2:7")
        XCTAssertEqual(tree["r"]?.location(atOffset: 2).description, "t.yaml:3:4")
    }
}
