import Foundation
import KontorCore
import KontorHTTP
import KontorStore

/// Pulls one configured source with the runner its plugin's transport needs:
/// `SourceRunner` for HTTP plugins, `FileSourceRunner` for file plugins,
/// `SQLSourceRunner` (with the driver `sql.driver` names) for SQL plugins.
/// `kontor sync` and the scheduler both go through here, so a source runs
/// the same way by hand and on schedule.
public struct SourcePull: Sendable {
    private enum Runner: Sendable {
        case http(SourceRunner)
        case files(FileSourceRunner)
        case sql(SQLSourceRunner)
    }

    public let source: String
    private let runner: Runner

    /// - Parameters:
    ///   - baseURL: the source's `base_url:` override (HTTP plugins).
    ///   - secrets: the configuration's substituted secret values, hidden in every message.
    ///   - baseDirectory: the folder of `connectors.yaml`, where a relative `files.root` starts.
    ///   - sqlDrivers: the database drivers this process links (SQL plugins).
    public init(
        source: String, plugin: PluginDefinition, config: JSONValue, store: any SyncStateStore & RunHistory,
        transport: any HTTPTransport, clock: any KontorClock, baseURL: String? = nil, secrets: [String] = [],
        baseDirectory: URL? = nil, sqlDrivers: SQLDriverRegistry = SQLDriverRegistry()
    ) throws(PullError) {
        self.source = source
        if let sql = plugin.sql {
            guard let driver = sqlDrivers[sql.driver.rawValue] else {
                let known = sqlDrivers.names.isEmpty ? "none" : sqlDrivers.names.joined(separator: ", ")
                throw PullError(.plugin, "no SQL driver '\(sql.driver.rawValue)' in this build (drivers: \(known))")
            }
            runner = .sql(try SQLSourceRunner(
                source: source, plugin: plugin, config: config, store: store, history: store, clock: clock, driver: driver,
                secrets: secrets))
        } else if plugin.files != nil {
            runner = .files(try FileSourceRunner(
                source: source, plugin: plugin, config: config, store: store, history: store, clock: clock,
                options: FileRunOptions(baseDirectory: baseDirectory)))
        } else {
            runner = .http(try SourceRunner(
                source: source, plugin: plugin, config: config, store: store, history: store, transport: transport,
                clock: clock, options: PullOptions(baseURL: baseURL, secrets: secrets)))
        }
    }

    /// Runs the pull; `streams` nil means every stream of the plugin.
    public func run(
        streams: [String]? = nil, fullRefresh: Bool = false,
        onEvent: @escaping @Sendable (PullEvent) -> Void = { _ in }
    ) async throws(PullError) -> SourcePullResult {
        switch runner {
        case .http(let runner):
            let result = try await runner.run(streams: streams, fullRefresh: fullRefresh, onEvent: onEvent)
            return SourcePullResult(pull: result, notes: [])
        case .files(let runner):
            let result = try await runner.run(streams: streams, fullRefresh: fullRefresh, onEvent: onEvent)
            var notes = result.badRows.map { "bad row: \($0)" }
            if result.badRowCount > result.badRows.count {
                notes.append("… \(result.badRowCount - result.badRows.count) more bad rows")
            }
            notes += result.archived.map { "archived \($0)" } + result.problems
            return SourcePullResult(pull: result.pull, notes: notes)
        case .sql(let runner):
            let result = try await runner.run(streams: streams, fullRefresh: fullRefresh, onEvent: onEvent)
            return SourcePullResult(pull: result, notes: [])
        }
    }
}

/// The outcome of a `SourcePull`: the counts, and notes worth showing (bad rows, archived files).
public struct SourcePullResult: Sendable {
    public var pull: PullResult
    public var notes: [String]
}
