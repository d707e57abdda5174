import Foundation
import KontorCore
import KontorHTTP
import KontorStore
import Logging

/// Runs the pull of one SQL source instance: a plugin with an `sql:` section
/// and `query:` streams, read through a ``SQLSourceDriver`` (PostgreSQL).
///
/// Each stream is read in keyset order (`incremental.field`, then
/// `primary_key`), `page_size` rows per page, never with OFFSET; rows become
/// records (column → JSON value), go through the stream's filter, transforms
/// and `emit`, and each page's messages commit with the advanced position in
/// one transaction. The page size is the source's `page_size` setting when
/// the plugin's spec declares one, else `query.page_size`, else 1000.
///
/// ```swift
/// let runner = try SQLSourceRunner(source: "crm_db", plugin: plugin, config: ["url": "postgres://…"],
///                                  store: store, history: store, clock: SystemClock(), driver: PostgresSQLDriver())
/// let result = try await runner.run()
/// ```
public struct SQLSourceRunner: Sendable {
    public let source: String
    public let plugin: PluginDefinition
    let config: JSONValue
    let store: any SyncStateStore
    let history: (any RunHistory)?
    let clock: any KontorClock
    let driver: any SQLSourceDriver
    let url: Template
    let urlSettings: [String]
    let timeout: Duration
    let secrets: [String]
    let compiled: [String: CompiledSQLStream]
    let logger: Logger

    /// Compiles the plugin's SQL streams.
    /// - Parameters:
    ///   - secrets: the configuration's secret values, hidden in every message (the URL's password is hidden too).
    ///   - pageSize: overrides every stream's page size (tests, benchmarks).
    /// - Throws: `PullError` (`.plugin`) when the plugin has no `sql:` section or a stream cannot be compiled.
    public init(
        source: String, plugin: PluginDefinition, config: JSONValue, store: any SyncStateStore, history: (any RunHistory)? = nil,
        clock: any KontorClock, driver: any SQLSourceDriver, secrets: [String] = [], pageSize: Int? = nil,
        logger: Logger = Logger(label: "kontor.sql")
    ) throws(PullError) {
        guard let sql = plugin.sql else {
            throw PullError(.plugin, "plugin '\(plugin.name)' has no sql section; only SQL sources can be read by this runner")
        }
        self.source = source
        self.plugin = plugin
        let config = SourceRunner.applyingDefaults(of: plugin.spec, to: config)
        self.config = config
        self.store = store
        self.history = history
        self.clock = clock
        self.driver = driver
        self.secrets = secrets
        self.logger = logger
        url = try PullError.compile(sql.url, field: "sql.url")
        urlSettings = SQLQueryTemplate.unique(url.memberAccesses(of: "config").map(\.name))
        let seconds = sql.timeout.flatMap(DurationParser.seconds) ?? 60
        timeout = .milliseconds(Int64(seconds * 1000))
        let configured = plugin.spec["page_size"] != nil ? config.objectValue?["page_size"]?.intValue : nil
        var compiled: [String: CompiledSQLStream] = [:]
        for (name, stream) in plugin.resolvedStreams where stream.transport == .sql {
            compiled[name] = try CompiledSQLStream(
                name: name, stream: stream, source: source, config: config, pageSize: pageSize ?? configured, now: clock.now
            )
        }
        self.compiled = compiled
    }

    /// The streams this runner can read, sorted.
    public var streamNames: [String] { compiled.keys.sorted() }

    /// Reads `streams` (all when `nil`) in name order over one connection. With
    /// `fullRefresh` the streams' stored positions are forgotten first (stored
    /// events are kept). The run is recorded in the run history.
    public func run(
        streams requested: [String]? = nil, fullRefresh: Bool = false,
        onEvent: @escaping @Sendable (PullEvent) -> Void = { _ in }
    ) async throws(PullError) -> PullResult {
        let started = clock.now
        let runID = try? await history?.startRun(kind: .sync, name: source, at: started)
        let counters = PullCounters()
        var order: [String] = []
        var session: (any SQLSourceSession)?
        do throws(PullError) {
            order = try select(requested)
            let rendered = try PullError.render(url, in: EvaluationContext(variables: ["config": config], now: started), field: "sql.url")
            let address = rendered.stringValue ?? ""
            do {
                session = try await driver.connect(url: address, timeout: timeout, logger: logger)
            } catch {
                throw pullError(error, settings: urlSettings, address: address)
            }
            guard let session else { return PullResult(source: source) }
            for name in order {
                guard let stream = compiled[name] else { continue }
                if fullRefresh {
                    do { try await store.resetState(source: source, stream: name) } catch {
                        throw PullError(.store, "cannot reset state: \(error)", stream: name)
                    }
                }
                onEvent(.streamStarted(stream: name))
                let puller = SQLStreamPuller(
                    source: source, stream: stream, session: session, store: store, config: config, clock: clock, counters: counters,
                    failure: { failure, settings in pullError(failure, settings: settings, address: address) }, onEvent: onEvent
                )
                try await puller.pull()
                onEvent(.streamFinished(stream: name, records: counters.snapshot[name]?.records ?? 0))
            }
        } catch {
            await session?.close()
            let counts = PullResult(source: source, streams: counters.snapshot).historyCounts
            if let runID {
                try? await history?.finishRun(
                    runID, status: error.kind == .cancelled ? .cancelled : .failed, counts: counts, error: error.description, at: clock.now
                )
            }
            throw error
        }
        await session?.close()
        var result = PullResult(
            source: source, runID: runID, streams: counters.snapshot, streamOrder: order, duration: clock.now.timeIntervalSince(started)
        )
        if let states = try? await store.syncStates(source: source) {
            for state in states where order.contains(state.stream) {
                result.cursors[state.stream, default: [:]][state.partition] = state.cursor
            }
        }
        if let runID {
            try? await history?.finishRun(runID, status: .succeeded, counts: result.historyCounts, error: nil, at: clock.now)
        }
        return result
    }

    private func select(_ requested: [String]?) throws(PullError) -> [String] {
        guard let requested else { return streamNames }
        for name in requested where compiled[name] == nil {
            let hint = NearestName.suggest(for: name, among: streamNames).map { "; did you mean '\($0)'?" } ?? ""
            throw PullError(.plugin, "plugin '\(plugin.name)' has no SQL stream '\(name)'\(hint)")
        }
        return requested
    }
}
