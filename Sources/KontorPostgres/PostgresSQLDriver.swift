import KontorRuntime
import Logging
import PostgresNIO

/// The `postgres` SQL driver: reads a `sql: {driver: postgres}` plugin's
/// streams from PostgreSQL over one connection per run (PostgresNIO).
///
/// Sessions run in UTC with ISO dates, so `timestamptz` values arrive as
/// `2025-03-01T10:00:00.123456+00:00`, and with `statement_timeout` set to
/// the plugin's `sql.timeout`.
///
/// ```swift
/// let pull = try SourcePull(..., sqlDrivers: SQLDriverRegistry([PostgresSQLDriver()]))
/// ```
public struct PostgresSQLDriver: SQLSourceDriver {
    public var name: String { "postgres" }

    public init() {}

    public func connect(url: String, timeout: Duration, logger: Logger) async throws(SQLSourceFailure) -> any SQLSourceSession {
        guard let address = PostgresURL(url) else {
            throw SQLSourceFailure(
                .badURL, "the url is not a postgres://user:password@host:port/database address (sslmode: disable, prefer, require, verify-full)"
            )
        }
        let milliseconds = max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try address.configuration(startupParameters: [
                ("TimeZone", "UTC"), ("DateStyle", "ISO, YMD"), ("IntervalStyle", "iso_8601"),
                ("statement_timeout", "\(milliseconds)"), ("application_name", "kontor"),
            ])
        } catch {
            throw SQLSourceFailure(.badURL, "cannot set up TLS for \(address.displayName): \(error)")
        }
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return PostgresSQLSession(connection: connection, logger: logger)
        } catch {
            throw PostgresFailure.connecting(error, to: address)
        }
    }
}
