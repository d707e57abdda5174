import Foundation
import XCTest

/// `kontor schema …` and `kontor plugins …` through the real binary.
final class SchemaAndPluginsCommandTests: XCTestCase {
    func testConnectorsSchemaIsJSONSchemaWithTopLevelKeys() throws {
        let result = try KontorBinary.run(["schema", "connectors"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let properties = json?["properties"] as? [String: Any]
        for key in ["kontor", "store", "sources", "destinations", "segments", "traits"] {
            XCTAssertNotNil(properties?[key], "missing property \(key)")
        }
        XCTAssertEqual(json?["additionalProperties"] as? Bool, false)
    }

    func testPluginSchemaDescribesStreamsAndActions() throws {
        let result = try KontorBinary.run(["schema", "plugin"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let properties = json?["properties"] as? [String: Any]
        XCTAssertNotNil(properties?["streams"])
        XCTAssertNotNil(properties?["actions"])
    }

    func testUnknownSchemaNameSuggestsTheNearestOne() throws {
        let result = try KontorBinary.run(["schema", "conectors"])
        XCTAssertEqual(result.exitCode, 2)
        XCTAssertTrue(result.stderr.contains("connectors"), result.stderr)
    }

    func testPluginsListShowsShippedPlugins() throws {
        let result = try KontorBinary.run(["plugins", "list"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        for name in ["shopify", "mailchimp", "webhook", "form"] {
            XCTAssertTrue(result.stdout.contains(name), "\(name) not listed:\n\(result.stdout)")
        }
    }

    func testPluginsDescribeShowsSettingsStreamsAndActions() throws {
        let shop = try KontorBinary.run(["plugins", "describe", "shopify"])
        XCTAssertEqual(shop.exitCode, 0, shop.stderr)
        XCTAssertTrue(shop.stdout.contains("access_token"), shop.stdout)
        XCTAssertTrue(shop.stdout.contains("customers"), shop.stdout)
        let mail = try KontorBinary.run(["plugins", "describe", "mailchimp"])
        XCTAssertEqual(mail.exitCode, 0, mail.stderr)
        XCTAssertTrue(mail.stdout.contains("members"), mail.stdout)
    }

    func testDescribeUnknownPluginSuggests() throws {
        let result = try KontorBinary.run(["plugins", "describe", "shopifx"])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("did you mean 'shopify'?"), result.stderr)
    }
}
