import Foundation
import KontorCore
import Logging
import PostgresNIO
import XCTest

@testable import KontorPostgres

/// The test PostgreSQL (`scripts/postgres.sh` starts it) with a schema of its
/// own per test, dropped at the end. An unreachable server FAILS the test with
/// a message saying how to start it: CI must exercise these tests, never skip them.
///
/// ```swift
/// let database = try await PostgresTestDatabase.open()
/// try await database.execute("CREATE TABLE \(database.schema).customers (…)")
/// ```
final class PostgresTestDatabase: Sendable {
    /// `KONTOR_TEST_POSTGRES_URL`, else the URL `scripts/postgres.sh` prints.
    static var url: String {
        ProcessInfo.processInfo.environment["KONTOR_TEST_POSTGRES_URL"] ?? "postgres://kontor:kontor-test@127.0.0.1:5432/kontor"
    }

    let connection: PostgresConnection
    let schema: String
    private static let logger = Logger(label: "kontor.tests.postgres")

    private init(connection: PostgresConnection, schema: String) {
        self.connection = connection
        self.schema = schema
    }

    static func open(file: StaticString = #filePath, line: UInt = #line) async throws -> PostgresTestDatabase {
        guard let address = PostgresURL(url) else {
            XCTFail("KONTOR_TEST_POSTGRES_URL is not a postgres:// URL", file: file, line: line)
            throw Unreachable()
        }
        let connection: PostgresConnection
        do {
            var settings = try address.configuration()
            settings.options.connectTimeout = .seconds(20)
            connection = try await PostgresConnection.connect(configuration: settings, id: 1, logger: logger)
        } catch {
            XCTFail(
                "the test PostgreSQL at \(address.displayName) is unreachable (\(PostgresFailure.connecting(error, to: address))): "
                    + "run scripts/postgres.sh (or set KONTOR_TEST_POSTGRES_URL)",
                file: file, line: line)
            throw Unreachable()
        }
        let schema = "kt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let database = PostgresTestDatabase(connection: connection, schema: schema)
        try await database.execute("CREATE SCHEMA \(schema)")
        return database
    }

    /// Runs one statement (no binds).
    func execute(_ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
    }

    /// Drops the schema and closes the connection.
    func drop() async {
        try? await execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        try? await connection.close()
    }

    /// A `customers` table with `count` rows: id 1…count, updated one second apart from 2024-01-01.
    func createCustomers(_ count: Int, sameUpdatedAt: Bool = false) async throws {
        try await execute("""
            CREATE TABLE \(schema).customers (
                id bigint PRIMARY KEY, email text, phone text, first_name text, last_name text, city text,
                email_opt_in boolean, updated_at timestamptz NOT NULL)
            """)
        let step = sameUpdatedAt ? "0" : "g"
        try await execute("""
            INSERT INTO \(schema).customers
            SELECT g, 'c' || g || '@example.com', NULL, 'First' || g, 'Last' || g, 'Berlin', g % 2 = 0,
                   timestamptz '2024-01-01 00:00:00+00' + (\(step) || ' seconds')::interval + interval '0.123456 seconds'
            FROM generate_series(1, \(count)) AS g
            """)
        try await execute("CREATE INDEX ON \(schema).customers (updated_at, id)")
    }

    struct Unreachable: Error {}
}
