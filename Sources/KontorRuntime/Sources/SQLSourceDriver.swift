import Foundation
import Logging

/// A database engine the SQL transport can read from (`sql: {driver: postgres, …}`).
///
/// KontorRuntime knows no database client: the runner renders the stream's
/// query, keeps the keyset position and commits pages; a driver (KontorPostgres'
/// `PostgresSQLDriver`) connects and reads one page at a time. The `kontor`
/// executable injects the drivers it links through a ``SQLDriverRegistry``.
public protocol SQLSourceDriver: Sendable {
    /// The `sql.driver` name it serves (`postgres`).
    var name: String { get }

    /// Opens one session for a run.
    /// - Parameters:
    ///   - url: the rendered `sql.url` (it may hold a password: never put it in an error).
    ///   - timeout: the statement timeout (`sql.timeout`).
    func connect(url: String, timeout: Duration, logger: Logger) async throws(SQLSourceFailure) -> any SQLSourceSession
}

/// One open connection of a SQL source run.
public protocol SQLSourceSession: Sendable {
    /// The rows of one page: at most `request.limit` rows of `request.query`, after
    /// `request.after` in the order of `request.order`, in that order.
    func rows(_ request: SQLPageRequest) async throws(SQLSourceFailure) -> [SQLRow]

    /// Closes the connection; errors are ignored (the run's outcome is already known).
    func close() async
}

/// The SQL drivers a process links, by `sql.driver` name.
///
/// ```swift
/// let drivers = SQLDriverRegistry([PostgresSQLDriver()])
/// let pull = try SourcePull(..., sqlDrivers: drivers)
/// ```
public struct SQLDriverRegistry: Sendable {
    private let drivers: [String: any SQLSourceDriver]

    public init(_ drivers: [any SQLSourceDriver] = []) {
        var byName: [String: any SQLSourceDriver] = [:]
        for driver in drivers { byName[driver.name] = driver }
        self.drivers = byName
    }

    /// The driver for `name`, if this process has one.
    public subscript(name: String) -> (any SQLSourceDriver)? { drivers[name] }

    /// The names of the registered drivers, sorted.
    public var names: [String] { drivers.keys.sorted() }
}
