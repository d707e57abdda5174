import Foundation
import KontorCore
import KontorHTTP
import KontorStore

/// Runs the pull of one source instance: a loaded plugin with the instance's
/// resolved config. Every template is compiled once when the runner is made;
/// the authenticator (token cache) and the rate budgets live as long as the
/// runner and are shared by all its streams.
///
/// ```swift
/// let runner = try SourceRunner(source: "shop", plugin: plugin, config: config, store: store,
///                               history: store, transport: transport, clock: SystemClock())
/// let result = try await runner.run(streams: ["customers"]) { event in progress.show(event) }
/// print(result.total.records, result.total.messages, result.duration)
/// ```
public struct SourceRunner: Sendable {
    public let source: String
    public let plugin: PluginDefinition
    let config: JSONValue
    let store: any SyncStateStore
    let history: (any RunHistory)?
    let transport: any HTTPTransport
    let clock: any KontorClock
    let options: PullOptions
    let compiled: [String: CompiledStream]
    let authenticator: any RequestAuthenticator
    let limiter: RateLimiter
    let retry: RetrySettings
    let redactor: SecretRedactor
    let timeout: Duration

    /// Compiles the plugin's HTTP streams and builds its authenticator and rate budgets.
    /// - Throws: `PullError` (`.plugin`) when a template, a rate limit or the auth settings are unusable.
    public init(
        source: String, plugin: PluginDefinition, config: JSONValue, store: any SyncStateStore,
        history: (any RunHistory)? = nil, transport: any HTTPTransport, clock: any KontorClock,
        options: PullOptions = PullOptions()
    ) throws(PullError) {
        guard let http = plugin.http else {
            throw PullError(.plugin, "plugin '\(plugin.name)' has no http section; only HTTP sources can be pulled by this runner")
        }
        self.source = source
        self.plugin = plugin
        let config = Self.applyingDefaults(of: plugin.spec, to: config)
        self.config = config
        self.store = store
        self.history = history
        self.transport = transport
        self.clock = clock
        self.options = options
        let baseURL = options.baseURL ?? http.baseURL
        timeout = http.timeout.flatMap(DurationParser.seconds).map { .milliseconds(Int64($0 * 1000)) } ?? options.timeout
        var secrets = options.secrets
        for (name, setting) in plugin.spec where setting.isSecret {
            if let value = config[name], let text = value.stringValue { secrets.append(text) }
        }
        redactor = SecretRedactor(secrets: secrets)
        do {
            authenticator = try AuthenticatorFactory(transport: transport, clock: clock, timeout: timeout)
                .make(http.auth, config: config, baseURL: Self.renderedBase(baseURL, config: config, now: clock.now))
        } catch {
            throw PullError(.plugin, redactor.redact(error.description))
        }
        if let shared = options.limiter {
            limiter = shared
        } else {
            do {
                limiter = try RateLimiter(http.rateLimits ?? [])
            } catch {
                throw PullError(.plugin, "http.rate_limits: \(error.message)")
            }
        }
        do {
            retry = try RetrySettings(http.retry)
        } catch {
            throw PullError(.plugin, "http.\(error.description)")
        }
        var compiled: [String: CompiledStream] = [:]
        for (name, stream) in plugin.resolvedStreams where stream.transport == .http {
            compiled[name] = try CompiledStream(
                name: name, stream: stream, source: source, baseURL: baseURL, headers: http.headers ?? [:],
                config: config, now: clock.now
            )
        }
        self.compiled = compiled
    }

    /// The streams this runner can pull, sorted.
    public var streamNames: [String] { compiled.keys.sorted() }

    /// Pulls `streams` (all when `nil`), parents first. With `fullRefresh`
    /// the streams' stored state is forgotten first (stored events are kept).
    /// The run is recorded in the run history when the runner has one.
    public func run(
        streams requested: [String]? = nil, fullRefresh: Bool = false,
        onEvent: @escaping @Sendable (PullEvent) -> Void = { _ in }
    ) async throws(PullError) -> PullResult {
        let started = clock.now
        let runID = try? await history?.startRun(kind: .sync, name: source, at: started)
        let counters = PullCounters()
        var order: [String] = []
        do throws(PullError) {
            let selected = try select(requested)
            order = try StreamOrder.resolve(selected) { compiled[$0]?.parents ?? [] }.filter { selected.contains($0) }
            if fullRefresh {
                for name in order {
                    do { try await store.resetState(source: source, stream: name) } catch { throw PullError(.store, "cannot reset state: \(error)") }
                }
            }
            let pass = RunPass(runner: self, counters: counters, onEvent: onEvent, fullRefresh: fullRefresh, selected: Set(selected))
            for name in order { try await pass.pull(name) }
        } catch {
            let counts = PullResult(source: source, streams: counters.snapshot).historyCounts
            if let runID {
                try? await history?.finishRun(
                    runID, status: error.kind == .cancelled ? .cancelled : .failed, counts: counts,
                    error: redactor.redact(error.description), at: clock.now
                )
            }
            throw error
        }
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
            throw PullError(.plugin, "plugin '\(plugin.name)' has no HTTP stream '\(name)'\(hint)")
        }
        return requested
    }

    /// An executor reporting to `stream`'s counters and events.
    func executor(for stream: String, counters: PullCounters, onEvent: @escaping @Sendable (PullEvent) -> Void) -> RequestExecutor {
        RequestExecutor(
            transport: transport, authenticator: authenticator, limiter: limiter, retry: retry, clock: clock, config: config,
            timeout: timeout, redactor: redactor, jitterSeed: options.jitterSeed
        ) { event in
            switch event {
            case .waiting(let seconds, let reason):
                counters.update(stream) { counts in
                    counts.waits += 1
                    counts.waitedSeconds += seconds
                }
                RuntimeMetrics.waited(source: source, stream: stream, seconds: seconds, reason: reason.rawValue)
                onEvent(.waiting(stream: stream, seconds: seconds, reason: reason))
            case .retrying(let status, let message):
                counters.update(stream) { $0.retries += 1 }
                onEvent(.retrying(stream: stream, status: status, message: message))
            case .refreshedAuth:
                break
            }
        }
    }

    /// `config` with each spec setting it leaves out set to the setting's literal default.
    static func applyingDefaults(of spec: [String: Setting], to config: JSONValue) -> JSONValue {
        var object = config.objectValue ?? [:]
        for (name, setting) in spec where object[name] == nil {
            if let value = setting.default, !(value.stringValue?.contains("{{") ?? false) { object[name] = value }
        }
        return .object(object)
    }

    private static func renderedBase(_ base: String, config: JSONValue, now: Date) -> String {
        guard let template = try? Template(parsing: base), let value = try? template.render(in: EvaluationContext(variables: ["config": config], now: now)) else {
            return base
        }
        return RequestDraft.text(of: value)
    }
}
