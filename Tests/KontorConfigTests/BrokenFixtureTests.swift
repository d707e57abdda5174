import Foundation
import KontorConfig
import KontorCore
import XCTest

/// Each `Fixtures/broken/<name>.yaml` must produce exactly the diagnostic lines of `<name>.expected`.
final class BrokenFixtureTests: XCTestCase {
    static func diagnostics(for url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let (_, diagnostics) = DeploymentLoader.check(
            text: text, file: "connectors.yaml", environment: TestPlugins.environment,
            pluginNames: TestPlugins.names, pluginLookup: TestPlugins.lookup)
        return diagnostics.map(\.description)
    }

    func testEveryBrokenFixtureGivesItsExpectedDiagnostics() throws {
        let folder = try TestPlugins.fixturesURL().appendingPathComponent("broken")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 15)
        for file in files {
            let url = folder.appendingPathComponent(file)
            let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let actual = try Self.diagnostics(for: url)
            XCTAssertFalse(expected.isEmpty, "\(file): an .expected file must list at least one diagnostic")
            XCTAssertEqual(actual, expected, "\(file)\n actual:\n\(actual.joined(separator: "\n"))")
        }
    }
}
