import Foundation
import KontorCore
import KontorRuntime
import XCTest

@testable import KontorPostgres

/// Connection and SQL errors name the setting to check and never show the password.
final class PostgresSourceErrorTests: XCTestCase {
    private var database: PostgresTestDatabase?

    override func tearDown() async throws {
        await database?.drop()
    }

    private func open() async throws -> PostgresSourceFixture {
        let database = try await PostgresTestDatabase.open()
        self.database = database
        try await database.createCustomers(3)
        return try await PostgresSourceFixture(database: database)
    }

    private var address: PostgresURL { PostgresURL(PostgresTestDatabase.url)! }

    func testWrongPasswordNamesTheSettingAndHidesThePassword() async throws {
        let fixture = try await open()
        let secret = "Wr0ng-p4ss/word"
        let config = fixture.config([
            "url": "", "host": .string(address.host), "port": .int(address.port), "database": .string(address.database),
            "user": .string(address.username), "password": .string(secret),
        ])
        let error = try await fixture.failure(config, secrets: [secret])
        XCTAssertEqual(error.kind, .plugin)
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.message.contains("password authentication failed"), error.message)
        XCTAssertTrue(error.message.contains("'password'"), "names the setting: \(error.message)")
        XCTAssertFalse(error.description.contains(secret), error.description)
        XCTAssertFalse(error.description.contains("p4ss"), error.description)
        let run = try await fixture.store.lastRun(name: "crm_db")
        XCTAssertEqual(run?.status, .failed)
        XCTAssertFalse(run?.error?.contains(secret) ?? true)
    }

    func testWrongPasswordInsideTheURLIsHiddenToo() async throws {
        let fixture = try await open()
        let url = "postgres://\(address.username):inline-secret-99@\(address.host):\(address.port)/\(address.database)"
        let error = try await fixture.failure(fixture.config(["url": .string(url)]))
        XCTAssertTrue(error.message.contains("'url'"), error.message)
        XCTAssertFalse(error.description.contains("inline-secret-99"), error.description)
    }

    func testUnreachableServerNamesHostAndPort() async throws {
        let fixture = try await open()
        let url = "postgres://\(address.username):pw-unreachable@127.0.0.1:1/\(address.database)"
        let error = try await fixture.failure(fixture.config(["url": .string(url)]))
        XCTAssertEqual(error.kind, .request)
        XCTAssertEqual(error.failure, .transientError)
        XCTAssertTrue(error.description.contains("127.0.0.1:1"), error.description)
        XCTAssertTrue(error.description.contains("'host'"), error.description)
        XCTAssertFalse(error.description.contains("pw-unreachable"), error.description)
    }

    func testUnknownDatabaseNamesTheDatabaseSetting() async throws {
        let fixture = try await open()
        let config = fixture.config([
            "url": "", "host": .string(address.host), "port": .int(address.port), "user": .string(address.username),
            "password": .string(address.password ?? ""), "database": "no_such_database_kt",
        ])
        let error = try await fixture.failure(config)
        XCTAssertTrue(error.message.contains("no_such_database_kt"), error.message)
        XCTAssertTrue(error.message.contains("'database'"), error.message)
    }

    func testUnknownTableNamesTheQuerySettings() async throws {
        let fixture = try await open()
        let error = try await fixture.failure(fixture.config(["customers_table": .string("\(fixture.database.schema).nope")]))
        XCTAssertEqual(error.stream, "customers")
        XCTAssertTrue(error.message.contains("does not exist"), error.message)
        XCTAssertTrue(error.message.contains("'customers_table'"), error.message)
    }

    func testNullCursorStopsTheRunInsteadOfLosingRows() async throws {
        let fixture = try await open()
        let query = "SELECT c.*, CASE WHEN c.id = 2 THEN NULL ELSE c.updated_at END AS changed FROM \(fixture.database.schema).customers c"
        let error = try await fixture.failure(fixture.config(["customers_query": .string(query), "customers_cursor_column": "changed"]))
        XCTAssertEqual(error.kind, .malformedPage)
        XCTAssertTrue(error.message.contains("'changed' is NULL"), error.message)
        let state = try await fixture.state()
        XCTAssertNil(state, "nothing committed")
    }

    func testBindParametersAreNeverSplicedIntoTheStatement() async throws {
        let database = try await PostgresTestDatabase.open()
        self.database = database
        try await database.createCustomers(5)
        let plugin = try JSONDecoder().decode(PluginDefinition.self, from: Data(#"""
            {"format": "kontor/v1", "name": "crm", "spec": {"url": {"type": "string"}, "city": {"type": "string"}},
             "sql": {"driver": "postgres", "url": "{{ config.url }}"},
             "streams": {"people": {
                "query": {"sql": "SELECT * FROM \#(database.schema).customers WHERE city = {{ config.city }} OR id = {{ 2 }}", "page_size": 2},
                "primary_key": ["id"], "incremental": {"type": "counter", "field": "updated_at"},
                "emit": [{"type": "identify", "user_id": "{{ record.id | string }}"}]}}}
            """#.utf8))
        let fixture = try await PostgresSourceFixture(database: database, plugin: plugin)
        let injected = try await fixture.run(["url": .string(PostgresTestDatabase.url), "city": "x' OR '1'='1"], streams: nil)
        XCTAssertEqual(injected.total.records, 1, "the city is a bind value: only id 2 matches")
        let all = try await fixture.run(["url": .string(PostgresTestDatabase.url), "city": "Berlin"], streams: ["people"], fullRefresh: true)
        XCTAssertEqual(all.total.records, 5)
        XCTAssertEqual(all.total.pages, 3, "query.page_size 2")
    }
}
