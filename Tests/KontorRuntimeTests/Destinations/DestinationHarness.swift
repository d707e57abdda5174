import Foundation
import KontorConfig
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import Logging
import XCTest

/// A shipped destination plugin (from `Plugins/`) delivering to its emulator over loopback HTTP:
/// activation planning into a SQLite outbox, delivery rounds with a clock that jumps to every wait
/// (rate budgets, backoff, `Retry-After`) so nothing is slept.
final class DestinationHarness: Sendable {
    let testCase: DestinationCase
    let name: String
    let clock: RecordingClock
    let store: SQLiteStore
    let members = ScenarioMembers()
    let transport: AsyncHTTPTransport
    let emulated: EmulatedDestination
    let plugin: PluginDefinition
    let policy: DeliveryPolicy
    let limiters = RateLimiterPool()
    let logger: Logger
    /// The destination's `batch.size` override (smaller batches: more requests, more faults hit).
    let batchSize: Int?

    init(
        _ testCase: DestinationCase, name: String = "dest", store: SQLiteStore? = nil, batchSize: Int? = nil,
        policy: DeliveryPolicy = DeliveryPolicy(maxAttempts: 8, minimumWindow: 3600)
    ) async throws {
        self.testCase = testCase
        self.batchSize = batchSize
        self.name = name
        clock = RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        if let store {
            self.store = store
        } else {
            self.store = try SQLiteStore.inMemory()
            try await self.store.migrate()
        }
        let transport = AsyncHTTPTransport()
        do {
            emulated = try await testCase.start(clock, transport)
            plugin = try Self.plugin(testCase.plugin)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        self.transport = transport
        self.policy = policy
        var logger = Logger(label: "kontor.test")
        logger.logLevel = .critical
        self.logger = logger
    }

    func stop() async throws {
        await emulated.stop()
        try await transport.shutdown()
    }

    /// Runs `body` with a started harness and stops it afterwards, also when `body` throws.
    static func with(
        _ testCase: DestinationCase, name: String = "dest", store: SQLiteStore? = nil, batchSize: Int? = nil,
        _ body: (DestinationHarness) async throws -> Void
    ) async throws {
        let harness = try await DestinationHarness(testCase, name: name, store: store, batchSize: batchSize)
        do {
            try await body(harness)
        } catch {
            try? await harness.stop()
            throw error
        }
        try await harness.stop()
    }

    /// The plugin as shipped in `Plugins/<name>/plugin.yaml`.
    static func plugin(_ name: String) throws -> PluginDefinition {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (plugin, diagnostics) = PluginLoader.load(directory: root.appendingPathComponent("Plugins/\(name)"))
        guard let plugin else { throw PluginMissing(name: name, problems: diagnostics.map(\.description)) }
        return plugin
    }

    struct PluginMissing: Error { var name: String; var problems: [String] }

    /// The destination, compiled with `extra` config values.
    func destination(extra: [String: JSONValue] = [:]) throws -> ActivationDestination {
        let config = DestinationConfig(
            plugin: testCase.plugin, config: emulated.config.merging(extra) { _, new in new }, action: testCase.action,
            mode: testCase.mode, segments: ["fans"], consent: "email", mapping: testCase.mapping, baseURL: emulated.baseURL,
            batch: batchSize.map { DestinationConfig.BatchOverride(size: $0) })
        return try ActivationDestination(name: name, config: config, plugin: plugin, defaultCountry: "DE")
    }

    /// Plans the destination and commits its jobs.
    @discardableResult
    func plan() async throws -> ActivationRun {
        let destination = try destination()
        let service = ActivationService(destinations: [destination], members: members, outbox: store, clock: clock, logger: logger)
        return try await service.plan(destination)
    }

    /// A worker for one delivery round.
    func worker(extra: [String: JSONValue] = [:]) async throws -> DeliveryWorker {
        let destination = try destination(extra: extra)
        let sender = try await DeliveryService.makeSender(for: destination, transport: transport, clock: clock, limiters: limiters)
        return DeliveryWorker(
            destination: destination, outbox: store, sender: sender, clock: clock, owner: "test", policy: policy,
            jitter: DeliveryJitter(seed: 7), logger: logger)
    }

    /// Delivery rounds until nothing is pending or `rounds` is used up, moving the clock to the next
    /// due job between rounds. Returns the summed report.
    @discardableResult
    func deliverAll(rounds: Int = 300) async throws -> DeliveryReport {
        var total = DeliveryReport(destination: name)
        guard try await !pending().isEmpty else { return total }
        let extra = try await emulated.beforeDelivery?() ?? [:]
        let worker = try await worker(extra: extra)
        for _ in 0..<rounds {
            total.add(try await worker.runOnce())
            guard let next = try await store.list(destination: name, state: .pending, limit: 1).first else { break }
            let due = max(next.attempts.nextAttemptAt ?? clock.now, worker.hold.until ?? clock.now)
            if due > clock.now { clock.manual.advance(to: due) }
        }
        try await emulated.afterDelivery?()
        return total
    }

    func pending() async throws -> [OutboxJob] {
        try await store.list(destination: name, state: .pending, limit: 100_000)
    }

    func dead() async throws -> [OutboxJob] {
        try await store.list(destination: name, state: .dead, limit: 100_000)
    }

    /// Fails with the counts and a few differences (not the whole sets) when `actual` is not `expected`.
    static func assertAudience(
        _ actual: Set<String>, _ expected: Set<String>, _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard actual != expected else { return }
        let missing = expected.subtracting(actual).sorted().prefix(3)
        let extra = actual.subtracting(expected).sorted().prefix(3)
        XCTFail(
            "\(label): audience of \(actual.count), expected \(expected.count); missing \(Array(missing)), extra \(Array(extra))",
            file: file, line: line)
    }

    /// The audience keys `people` should produce.
    func keys(_ people: [ScenarioMembers.Person]) -> Set<String> {
        Set(people.map(testCase.key))
    }
}
