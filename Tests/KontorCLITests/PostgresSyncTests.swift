import Foundation
import KontorSQLite
import XCTest

/// `kontor sync` through the real binary with the shipped `postgres` plugin against the
/// test PostgreSQL (`scripts/postgres.sh`; `KONTOR_TEST_POSTGRES_URL` overrides the address).
/// The tables are made with `psql` in a schema of this test's own, dropped at the end.
final class PostgresSyncTests: XCTestCase {
    private var schema = ""

    private static var url: String {
        ProcessInfo.processInfo.environment["KONTOR_TEST_POSTGRES_URL"] ?? "postgres://kontor:kontor-test@127.0.0.1:5432/kontor"
    }

    override func setUp() async throws {
        schema = "kt_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try psql("CREATE SCHEMA \(schema)")
    }

    override func tearDown() async throws {
        try? psql("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }

    /// Runs SQL with psql; fails the test (never skips it) when the server is not there.
    private func psql(_ sql: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let executable = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile) else {
            XCTFail("psql is not installed: run scripts/postgres.sh", file: file, line: line)
            throw PSQLFailed()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [Self.url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
        process.environment = ["PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "20"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            XCTFail("psql failed (is the test PostgreSQL running? run scripts/postgres.sh): \(message)", file: file, line: line)
            throw PSQLFailed()
        }
    }

    private func deployment() throws -> URL {
        let folder = try KontorBinary.temporaryDirectory()
        try """
            kontor: 1
            store: sqlite:kontor.db
            sources:
              crm_db:
                plugin: postgres
                config:
                  url: "${secret:CRM_DB_URL}"
                  customers_table: \(schema).customers
                  page_size: 100
                streams: [customers]
                schedule: {every: 15m}
            """.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func kontor(_ arguments: [String], in folder: URL, url: String = PostgresSyncTests.url) throws -> KontorBinary.Result {
        try KontorBinary.run(
            arguments + ["--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path],
            in: folder, environment: ["CRM_DB_URL": url])
    }

    private func insertCustomers(_ ids: ClosedRange<Int>) throws {
        try psql("""
            INSERT INTO \(schema).customers
            SELECT g, 'c' || g || '@example.com', 'First' || g, now() + (g || ' milliseconds')::interval
            FROM generate_series(\(ids.lowerBound), \(ids.upperBound)) AS g
            """)
    }

    func testSyncPullsTheTableThenOnlyNewRows() async throws {
        try psql("CREATE TABLE \(schema).customers (id bigint PRIMARY KEY, email text, first_name text, updated_at timestamptz NOT NULL)")
        try insertCustomers(1...345)
        let folder = try deployment()

        let validate = try kontor(["validate"], in: folder)
        XCTAssertEqual(validate.exitCode, 0, validate.stdout + validate.stderr)

        let first = try kontor(["sync", "crm_db", "--json"], in: folder)
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let total = summary?["total"] as? [String: Any]
        XCTAssertEqual(total?["records"] as? Int, 345)
        XCTAssertEqual(total?["pages"] as? Int, 4, "345 rows at 100 per page")

        try insertCustomers(346...350)
        let second = try kontor(["sync", "crm_db"], in: folder)
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let events = try await store.read(after: 0, limit: 10_000)
        let runs = try await store.recentRuns(name: "crm_db", limit: 10)
        try await store.close()
        XCTAssertEqual(events.count, 350, "only the 5 new rows are new messages")
        XCTAssertEqual(Set(events.compactMap(\.message.userId)).count, 350)
        XCTAssertEqual(runs.count, 2)
    }

    func testWrongPasswordFailsNamingTheSettingAndHidesThePassword() throws {
        try psql("CREATE TABLE \(schema).customers (id bigint PRIMARY KEY, email text, first_name text, updated_at timestamptz NOT NULL)")
        let folder = try deployment()
        var parts = try XCTUnwrap(URLComponents(string: Self.url))
        parts.password = "not-the-Passw0rd"
        let result = try kontor(["sync", "crm_db"], in: folder, url: try XCTUnwrap(parts.string))
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("password authentication failed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("'url'"), "names the setting: \(result.stderr)")
        XCTAssertFalse((result.stdout + result.stderr).contains("not-the-Passw0rd"), "the password leaked:\n\(result.stderr)")
    }

    private struct PSQLFailed: Error {}
}
