import KontorConfig
import KontorCore
import XCTest

final class JSONOutputTests: XCTestCase {
    func testSerializationTable() {
        let table: [(JSONValue, String)] = [
            (nil, "null"), (true, "true"), (6_248_377_106_491, "6248377106491"), (-3, "-3"),
            (0.1, "0.1"), (1.0, "1.0"), (1e20, "1e+20"), (.double(.nan), "null"),
            ("a\"b\\c\n\t\u{01}é/", #""a\"b\\c\n\t\u0001é/""#),
            ([], "[]"), ([:], "{}"),
            (["b": 1, "a": [true, nil]], #"{"a":[true,null],"b":1}"#),
        ]
        for (value, expected) in table {
            XCTAssertEqual(value.serialized(), expected)
        }
    }

    func testPrettySerializationSortsAndIndents() {
        let value: JSONValue = ["z": [1, 2], "a": ["k": "v"], "e": [:]]
        XCTAssertEqual(value.serialized(pretty: true), """
            {
              "a": {
                "k": "v"
              },
              "e": {},
              "z": [
                1,
                2
              ]
            }
            """)
    }

    func testSerializedJSONReadsBack() throws {
        let value: JSONValue = ["n": 12_345_678_901, "d": 2.5, "s": "ü\u{1F600}", "l": [nil, false]]
        let data = Data(value.serialized(pretty: true).utf8)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
    }

    func testDeploymentJSONSchemaKeyParts() throws {
        let schema = JSONSchemaWriter.write(Deployment.schema, title: "Kontor connectors.yaml", definitions: Deployment.definitions)
        XCTAssertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["title"], "Kontor connectors.yaml")
        XCTAssertEqual(schema["type"], "object")
        XCTAssertEqual(schema["additionalProperties"], false)
        XCTAssertEqual(schema["required"], ["kontor"])
        XCTAssertEqual(schema["properties"]?["store"]?["default"], "sqlite:kontor.db")
        XCTAssertEqual(schema["properties"]?["store"]?["type"], "string")

        let source = try XCTUnwrap(schema["properties"]?["sources"]?["additionalProperties"])
        XCTAssertEqual(schema["properties"]?["sources"]?["propertyNames"], ["pattern": .string(Deployment.namePattern)])
        XCTAssertEqual(source["additionalProperties"], false)
        XCTAssertEqual(source["required"], ["plugin"])
        XCTAssertEqual(source["properties"]?["schedule"]?["$ref"], "#/$defs/Schedule")
        XCTAssertEqual(source["properties"]?["enabled"]?["default"], true)

        let destination = try XCTUnwrap(schema["properties"]?["destinations"]?["additionalProperties"])
        XCTAssertEqual(destination["properties"]?["mode"]?["enum"], ["add", "update", "upsert", "remove", "mirror"])
        XCTAssertEqual(destination["required"], ["action", "mode", "plugin", "segments"])

        let retention = try XCTUnwrap(schema["properties"]?["retention"]?["properties"]?["events"])
        XCTAssertEqual(retention["pattern"], .string(JSONSchemaWriter.durationPattern))
        XCTAssertNotNil(retention["description"]?.stringValue)
        XCTAssertNotNil(schema["$defs"]?["Schedule"]?["anyOf"])
    }

    func testDurationPatternAgreesWithTheParser() throws {
        let pattern = try NSRegularExpression(pattern: JSONSchemaWriter.durationPattern)
        for text in ["15m", "400d", "1h30m", "500ms", "PT1S", "P7D", "P1DT12H", "soon", "15", "m", "1 h"] {
            let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            XCTAssertEqual(matches, DurationParser.seconds(text) != nil, text)
        }
    }

    func testTaggedUnionsBecomeOneOfWithConstDiscriminators() throws {
        let schema = JSONSchemaWriter.node(for: .tagged(discriminator: "type", variants: [
            "bearer": ObjectSchema(["token": .required(.string())]),
            "none": ObjectSchema([:]),
        ]))
        XCTAssertEqual(schema["required"], ["type"])
        XCTAssertEqual(schema["properties"]?["type"]?["enum"], ["bearer", "none"])
        let bearer = try XCTUnwrap(schema["oneOf"]?[0])
        XCTAssertEqual(bearer["properties"]?["type"], ["const": "bearer"])
        XCTAssertEqual(bearer["required"], ["token", "type"])
        XCTAssertEqual(bearer["additionalProperties"], false)
        XCTAssertEqual(schema["oneOf"]?[1]?["properties"]?["type"], ["const": "none"])
    }

    func testModelDecoderPositionsDecodingErrors() throws {
        struct Model: Decodable {
            var name: String
            var items: [Int]
        }
        let (root, _) = YAMLDocumentLoader.load(text: "name: x\nitems: [1, two]\n", file: "m.yaml")
        let (model, diagnostics) = ModelDecoder.decode(Model.self, from: try XCTUnwrap(root), file: "m.yaml")
        XCTAssertNil(model)
        XCTAssertEqual(diagnostics.map(\.description), ["m.yaml:2:12: error: expected an integer at 'items.1', got 'two'"])
        let (missing, missingDiagnostics) = ModelDecoder.decode(
            Model.self, from: try XCTUnwrap(YAMLDocumentLoader.load(text: "items: []", file: "m.yaml").root), file: "m.yaml")
        XCTAssertNil(missing)
        XCTAssertEqual(missingDiagnostics.map(\.description), ["m.yaml:1:1: error: missing required key 'name'"])
    }
}
