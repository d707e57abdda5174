import Foundation
import XCTest

/// `kontor validate` through the real binary: exit codes 0 / 1 / 2 and positioned diagnostics.
final class ValidateCommandTests: XCTestCase {
    func testShippedConfigurationIsValid() throws {
        let result = try KontorBinary.run(["validate", "--config", "connectors.yaml"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("connectors.yaml"), result.stdout)
    }

    func testEveryShippedPluginIsValid() throws {
        let plugins = KontorBinary.repositoryRoot.appendingPathComponent("Plugins")
        let names = try FileManager.default.contentsOfDirectory(atPath: plugins.path)
            .filter { FileManager.default.fileExists(atPath: plugins.appendingPathComponent("\($0)/plugin.yaml").path) }
        XCTAssertFalse(names.isEmpty)
        let result = try KontorBinary.run(["validate"] + names.map { "Plugins/\($0)" })
        XCTAssertEqual(result.exitCode, 0, result.stderr)
    }

    func testBrokenConfigurationExitsOneWithPositionedDiagnostics() throws {
        let directory = try KontorBinary.temporaryDirectory()
        let file = directory.appendingPathComponent("connectors.yaml")
        try """
            kontor: 1
            store: sqlite:test.db
            sources:
              shop:
                plugin: shopify
                config: {shop: demo, access_token: "${secret:SHOP_TOKEN}"}
                schedul: {every: 15m}
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try KontorBinary.run(
            ["validate", "--config", file.path, "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path],
            environment: ["SHOP_TOKEN": "shpat_supersecretvalue"]
        )
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("connectors.yaml:7:5: error: unknown key 'schedul'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'schedule'?"), result.stderr)
        XCTAssertFalse(result.stderr.contains("shpat_supersecretvalue"), "a secret leaked into diagnostics")
    }

    func testMissingEnvironmentVariableIsNamed() throws {
        let directory = try KontorBinary.temporaryDirectory()
        let file = directory.appendingPathComponent("connectors.yaml")
        try """
            kontor: 1
            sources:
              shop:
                plugin: shopify
                config: {shop: demo, access_token: "${secret:SHOP_TOKEN}"}
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try KontorBinary.run(
            ["validate", "--config", file.path, "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
        )
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("SHOP_TOKEN"), result.stderr)
    }

    func testUsageErrorExitsTwo() throws {
        let result = try KontorBinary.run(["validate", "--no-such-option"])
        XCTAssertEqual(result.exitCode, 2)
        XCTAssertTrue(result.stderr.contains("--no-such-option"), result.stderr)
    }

    func testMissingConfigurationFileIsReported() throws {
        let directory = try KontorBinary.temporaryDirectory()
        let result = try KontorBinary.run(["validate"], in: directory)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("connectors.yaml"), result.stderr)
    }
}
