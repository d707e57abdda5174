import Foundation
import KontorConfig
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import XCTest

@testable import KontorPostgres

/// The shipped `Plugins/postgres/plugin.yaml` run by the real `SQLSourceRunner` with the
/// `PostgresSQLDriver` against the test database, into an in-memory SQLite store.
struct PostgresSourceFixture {
    let database: PostgresTestDatabase
    let plugin: PluginDefinition
    let store: SQLiteStore
    var source = "crm_db"

    init(database: PostgresTestDatabase, plugin: PluginDefinition? = nil) async throws {
        self.database = database
        self.plugin = try plugin ?? Self.shippedPlugin()
        store = try SQLiteStore.inMemory()
        try await store.migrate()
    }

    /// `Plugins/postgres/plugin.yaml` of this repository, which must load without any diagnostic.
    static func shippedPlugin() throws -> PluginDefinition {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (plugin, diagnostics) = PluginLoader.load(directory: repository.appendingPathComponent("Plugins/postgres"))
        XCTAssertEqual(diagnostics.map(\.description), [], "Plugins/postgres/plugin.yaml")
        return try XCTUnwrap(plugin, "Plugins/postgres/plugin.yaml did not load")
    }

    /// The source's config: the test URL, the schema's tables, and `extra` settings.
    func config(_ extra: [String: JSONValue] = [:], pageSize: Int = 100) -> JSONValue {
        var config: [String: JSONValue] = [
            "url": .string(PostgresTestDatabase.url), "page_size": .int(pageSize),
            "customers_table": .string("\(database.schema).customers"), "orders_table": .string("\(database.schema).orders"),
        ]
        config.merge(extra) { _, new in new }
        return .object(config)
    }

    func runner(_ config: JSONValue, secrets: [String] = [], driver: any SQLSourceDriver = PostgresSQLDriver()) throws -> SQLSourceRunner {
        try SQLSourceRunner(
            source: source, plugin: plugin, config: config, store: store, history: store, clock: SystemClock(),
            driver: driver, secrets: secrets
        )
    }

    func run(_ config: JSONValue, streams: [String]? = ["customers"], fullRefresh: Bool = false) async throws -> PullResult {
        try await runner(config).run(streams: streams, fullRefresh: fullRefresh)
    }

    /// Runs and returns the error the run must fail with.
    func failure(
        _ config: JSONValue, streams: [String]? = ["customers"], secrets: [String] = [], driver: any SQLSourceDriver = PostgresSQLDriver(),
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> PullError {
        let runner = try runner(config, secrets: secrets, driver: driver)
        do throws(PullError) {
            _ = try await runner.run(streams: streams)
        } catch {
            return error
        }
        XCTFail("the run succeeded", file: file, line: line)
        throw PostgresTestDatabase.Unreachable()
    }

    func events() async throws -> [StoredEvent] {
        try await store.read(after: 0, limit: 1_000_000)
    }

    func state(_ stream: String = "customers") async throws -> JSONValue? {
        try await store.cursor(source: source, stream: stream, partition: "")
    }
}
