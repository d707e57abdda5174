import Foundation
import KontorConfig
import KontorCore
import XCTest

final class PluginCatalogTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ text: String, to directory: String, plugin name: String) throws {
        let folder = scratch.appendingPathComponent(directory).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("plugin.yaml"), atomically: true, encoding: .utf8)
    }

    private func minimal(_ name: String) -> String {
        """
        format: kontor/v1
        name: \(name)
        inbound: {stream: events}
        streams:
          events:
            emit:
              - {type: track, event: Ping, anonymous_id: "{{ record.id }}"}
        """
    }

    func testSameNameInTwoDirectoriesIsAnError() throws {
        try write(minimal("ping"), to: "a", plugin: "ping")
        try write(minimal("ping"), to: "b", plugin: "ping")
        try write(minimal("pong"), to: "b", plugin: "pong")
        let (catalog, diagnostics) = PluginCatalog.load(directories: [scratch.appendingPathComponent("a"), scratch.appendingPathComponent("b")])
        XCTAssertEqual(catalog.names, ["ping", "pong"])
        XCTAssertEqual(catalog.locations["ping"]?.lastPathComponent, "ping")
        XCTAssertEqual(catalog.locations["ping"]?.deletingLastPathComponent().lastPathComponent, "a", "the first directory wins")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location?.line, 1)
        XCTAssertTrue(diagnostics.first?.location?.file.hasSuffix("b/ping/plugin.yaml") ?? false)
        XCTAssertTrue(diagnostics.first?.message.hasPrefix("plugin 'ping' is already defined in ") ?? false)
    }

    func testBrokenPluginIsLeftOutAndOthersLoad() throws {
        try write(minimal("good"), to: "p", plugin: "good")
        try write(minimal("other"), to: "p", plugin: "bad")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("p/not-a-plugin"), withIntermediateDirectories: true)
        let (catalog, diagnostics) = PluginCatalog.load(directories: [scratch.appendingPathComponent("p")])
        XCTAssertEqual(catalog.names, ["good"])
        XCTAssertEqual(diagnostics.map(\.message), ["plugin name 'other' must match its folder name 'bad'"])
    }

    func testInboundOnlyPluginIsASource() throws {
        let (plugin, diagnostics) = PluginLoader.load(text: minimal("ping"), file: "ping.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(plugin?.effectiveKind, .source)
        XCTAssertEqual(plugin?.resolvedStreams["events"]?.transport, .inbound)
    }

    func testMissingFolderReportsUnreadableFile() {
        let (plugin, diagnostics) = PluginLoader.load(directory: scratch.appendingPathComponent("nowhere"))
        XCTAssertNil(plugin)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].message.hasPrefix("cannot read "))
    }
}

extension PluginCatalogTests {
    func testFileSQLAndProcessTransportsLoad() throws {
        let text = """
        format: kontor/v1
        name: warehouse
        spec:
          directory: {type: string}
          url: {type: secret}
          token: {type: secret}
        files: {root: "{{ config.directory }}"}
        sql: {driver: postgres, url: "{{ config.url }}"}
        process: {command: tap-example, config: {token: "{{ config.token }}"}, select: ["people.*"]}
        streams:
          loyalty:
            primary_key: [customer_no]
            file: {path: "customers-*.csv", format: csv, delimiter: ";", columns: {"E-Mail": email}, order_by: name}
            emit:
              - {type: identify, user_id: "{{ record.customer_no }}", identifiers: {email: "{{ record.email }}"}}
          customers:
            query:
              sql: "SELECT id, email, updated_at FROM customers WHERE updated_at > {{ stream_state.cursor }} ORDER BY updated_at LIMIT {{ page_size }}"
            incremental: {type: datetime, field: updated_at, start: "1970-01-01T00:00:00Z"}
            emit:
              - {type: identify, user_id: "{{ record.id }}"}
          people:
            emit:
              - {type: identify, user_id: "{{ record.id }}"}
        """
        let (loaded, diagnostics) = PluginLoader.load(text: text, file: "warehouse.yaml")
        XCTAssertEqual(diagnostics.map(\.description), [])
        let plugin = try XCTUnwrap(loaded)
        XCTAssertEqual(plugin.streams["loyalty"]?.transport, .file)
        XCTAssertEqual(plugin.streams["loyalty"]?.file?.columns, ["E-Mail": "email"])
        XCTAssertEqual(plugin.streams["customers"]?.transport, .sql)
        XCTAssertEqual(plugin.sql?.driver, .postgres)
        XCTAssertEqual(plugin.process?.select, ["people.*"])
        XCTAssertEqual(plugin.streams["people"]?.transport, .inbound, "no transport of its own: the tap's stream")
    }

    func testStreamStateIsOnlyAllowedInSQL() {
        let text = """
        format: kontor/v1
        name: api
        http: {base_url: "https://api.example.com/"}
        streams:
          contacts:
            request: {path: contacts, query: {since: "{{ stream_state.cursor }}"}}
            emit:
              - {type: identify, user_id: "{{ record.id }}"}
        """
        let (plugin, diagnostics) = PluginLoader.load(text: text, file: "api.yaml")
        XCTAssertNil(plugin)
        XCTAssertEqual(diagnostics.map(\.description), [
            "api.yaml:6:50: error: 'stream_state' is not supported (as in the Airbyte CDK); use 'stream_interval'",
        ])
    }
}
