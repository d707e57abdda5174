import Foundation
import KontorCore
import KontorStore

/// Runs the pull of one file source instance: a plugin with a `files:`
/// section and `file:` streams (CSV or JSON Lines exports), with the
/// instance's config. Records go through the same filter, transform and
/// `emit` as HTTP streams, and each page commits its messages with the file
/// checkpoint in one transaction.
///
/// ```swift
/// let runner = try FileSourceRunner(source: "till", plugin: plugin, config: ["directory": "exports/till"],
///                                   store: store, history: store, clock: SystemClock(),
///                                   options: FileRunOptions(baseDirectory: configFolder))
/// let result = try await runner.run()
/// print(result.pull.total.records, result.badRowCount)
/// ```
public struct FileSourceRunner: Sendable {
    public let source: String
    public let plugin: PluginDefinition
    let config: JSONValue
    let store: any SyncStateStore
    let history: (any RunHistory)?
    let clock: any KontorClock
    let options: FileRunOptions
    let compiled: [String: CompiledFileStream]
    let catalog: FileCatalog
    let archive: FileArchive?

    /// Compiles the plugin's file streams and resolves `files.root` and `files.archive`.
    /// - Throws: `PullError` (`.plugin`) when the plugin has no `files:` section or a setting is unusable.
    public init(
        source: String, plugin: PluginDefinition, config: JSONValue, store: any SyncStateStore,
        history: (any RunHistory)? = nil, clock: any KontorClock, options: FileRunOptions = FileRunOptions()
    ) throws(PullError) {
        guard let files = plugin.files else {
            throw PullError(.plugin, "plugin '\(plugin.name)' has no files section; only file sources can be read by this runner")
        }
        self.source = source
        self.plugin = plugin
        let config = SourceRunner.applyingDefaults(of: plugin.spec, to: config)
        self.config = config
        self.store = store
        self.history = history
        self.clock = clock
        self.options = options
        let base = options.baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let root = try Self.folder(files.root, field: "files.root", config: config, base: base, now: clock.now) else {
            throw PullError(.plugin, "files.root is empty; check the source's config")
        }
        let archiveFolder = try files.archive.flatMap { text throws(PullError) -> URL? in
            try Self.folder(text, field: "files.archive", config: config, base: root, now: clock.now, optional: true)
        }
        catalog = FileCatalog(root: root, excluded: archiveFolder)
        archive = archiveFolder.map(FileArchive.init)
        var compiled: [String: CompiledFileStream] = [:]
        for (name, stream) in plugin.resolvedStreams where stream.transport == .file {
            compiled[name] = try CompiledFileStream(
                name: name, stream: stream, source: source, config: config, chunkSize: options.chunkSize, now: clock.now
            )
        }
        self.compiled = compiled
    }

    /// The streams this runner can read, sorted.
    public var streamNames: [String] { compiled.keys.sorted() }

    /// The folder `files.root` resolved to.
    public var root: URL { catalog.root }

    /// Reads `streams` (all when `nil`) in name order. With `fullRefresh` the
    /// streams' stored state is forgotten first, so every matching file is
    /// read again (stored events are kept; re-read rows are duplicates).
    public func run(
        streams requested: [String]? = nil, fullRefresh: Bool = false,
        onEvent: @escaping @Sendable (PullEvent) -> Void = { _ in }
    ) async throws(PullError) -> FilePullResult {
        let started = clock.now
        let runID = try? await history?.startRun(kind: .sync, name: source, at: started)
        let counters = PullCounters()
        let notes = FileRunNotes(listed: options.listedBadRows)
        var order: [String] = []
        do throws(PullError) {
            order = try select(requested)
            for name in order {
                if fullRefresh {
                    do { try await store.resetState(source: source, stream: name) } catch {
                        throw PullError(.store, "cannot reset state: \(error)")
                    }
                }
                try await pull(name, counters: counters, notes: notes, onEvent: onEvent)
            }
        } catch {
            var counts = PullResult(source: source, streams: counters.snapshot).historyCounts
            counts["bad_rows"] = notes.badRowTotal
            if let runID {
                try? await history?.finishRun(
                    runID, status: error.kind == .cancelled ? .cancelled : .failed, counts: counts, error: error.description, at: clock.now
                )
            }
            throw error
        }
        var pull = PullResult(
            source: source, runID: runID, streams: counters.snapshot, streamOrder: order, duration: clock.now.timeIntervalSince(started)
        )
        if let states = try? await store.syncStates(source: source) {
            for state in states where order.contains(state.stream) {
                pull.cursors[state.stream, default: [:]][state.partition] = state.cursor
            }
        }
        let result = notes.result(pull)
        if let runID {
            var counts = pull.historyCounts
            counts["bad_rows"] = result.badRowCount
            try? await history?.finishRun(runID, status: .succeeded, counts: counts, error: nil, at: clock.now)
        }
        return result
    }

    private func pull(
        _ name: String, counters: PullCounters, notes: FileRunNotes, onEvent: @escaping @Sendable (PullEvent) -> Void
    ) async throws(PullError) {
        guard let stream = compiled[name] else { return }
        onEvent(.streamStarted(stream: name))
        let slices: [PartitionPlan.Slice]
        do {
            slices = try await PartitionPlan.slices(stream.partitions, config: config, now: clock.now) {
                (parent: String, _: FieldPath) async throws(PullError) -> [JSONValue] in
                throw PullError(.plugin, "partitions: a file stream cannot read parent stream '\(parent)'")
            }
        } catch {
            throw error.inStream(name)
        }
        let puller = FileStreamPuller(
            source: source, stream: stream, catalog: catalog, archive: archive, store: store, config: config, clock: clock,
            pageSize: options.pageSize, counters: counters, notes: notes, onEvent: onEvent
        )
        for slice in slices { try await puller.pull(slice) }
        onEvent(.streamFinished(stream: name, records: counters.snapshot[name]?.records ?? 0))
    }

    private func select(_ requested: [String]?) throws(PullError) -> [String] {
        guard let requested else { return streamNames }
        for name in requested where compiled[name] == nil {
            let hint = NearestName.suggest(for: name, among: streamNames).map { "; did you mean '\($0)'?" } ?? ""
            throw PullError(.plugin, "plugin '\(plugin.name)' has no file stream '\(name)'\(hint)")
        }
        return requested
    }

    /// A folder setting rendered with `config`; a relative path starts at `base`.
    /// An `optional` folder rendered empty is `nil` (no archive).
    static func folder(
        _ text: String, field: String, config: JSONValue, base: URL, now: Date, optional: Bool = false
    ) throws(PullError) -> URL? {
        let template = try PullError.compile(text, field: field)
        let value = try PullError.render(template, in: EvaluationContext(variables: ["config": config], now: now), field: field)
        let path = value.stringValue ?? MessageIdentity.canonical(value)
        guard !path.isEmpty, value != .null else {
            if optional { return nil }
            throw PullError(.plugin, "\(field) is empty; check the source's config")
        }
        let expanded = path.hasPrefix("~/") ? NSString(string: path).expandingTildeInPath : path
        let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : base.appendingPathComponent(expanded)
        return url.standardizedFileURL
    }
}
