import ArgumentParser
import Foundation
import KontorConfig
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorSQLite
import KontorStore
import Logging

/// `kontor bench deliver`: a generated segment planned into a SQLite outbox and delivered by the
/// real `DeliveryWorker` over loopback HTTP to the Mailchimp and Meta emulators, which enforce
/// the documented batch sizes and concurrency and take `--latency` seconds per request.
struct BenchDeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Measure activation: plan a segment into the outbox and drain it to the Mailchimp and Meta emulators.",
        discussion: """
            For each target: plans --members generated members (ActivationService.plan, one transaction), \
            then drains the outbox with one DeliveryWorker (what `kontor activate` and `kontor run` do). \
            Reports time to plan, time to drain, throughput as a share of the documented ceiling \
            (records per request × requests in flight ÷ --latency), CPU seconds and peak memory, and the \
            emulator's limit violations (must be 0).
            """
    )

    @Option(help: "Members in the segment.")
    var members = 1_000_000

    @Option(help: "Targets, comma-separated: mailchimp, meta.")
    var targets = "mailchimp,meta"

    @Option(help: "Seconds each emulated request takes (the API's processing time).")
    var latency = 0.25

    @Option(name: .customLong("plugins"), help: "The Plugins folder (default: $KONTOR_PLUGINS, ./Plugins, or the checkout's).")
    var pluginDirectory: String?

    func run() async throws {
        guard members > 0, latency > 0 else { throw ValidationError("--members and --latency must be positive") }
        let directory = try DemoPluginDirectory.find(
            requested: pluginDirectory.map { [$0] } ?? [], environment: ProcessInfo.processInfo.environment)
        print("kontor bench deliver: \(members) members, \(latency) s per request, plugins \(directory)")
        for name in targets.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let target: BenchDeliverTarget
            switch name {
            case "mailchimp": target = try await .mailchimp(latency: latency)
            case "meta": target = try await .meta(latency: latency)
            default: throw ValidationError("unknown target '\(name)'; choose mailchimp or meta")
            }
            let result = try await measure(target, plugins: directory)
            await target.emulator.stop()
            print(result)
        }
    }

    private func measure(_ target: BenchDeliverTarget, plugins: String) async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-deliver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let (loaded, diagnostics) = PluginLoader.load(directory: URL(fileURLWithPath: plugins).appendingPathComponent(target.plugin))
        guard let plugin = loaded else {
            throw CommandFailure(message: "kontor bench deliver: plugin \(target.plugin): \(diagnostics.map(\.description).joined(separator: "; "))")
        }
        let config = DestinationConfig(
            plugin: target.plugin, config: target.config, action: target.action, mode: .mirror, segments: ["bench"],
            consent: nil, mapping: target.mapping, baseURL: target.baseURL)
        let destination = try ActivationDestination(name: target.name, config: config, plugin: plugin, defaultCountry: "DE")
        var logger = Logger(label: "kontor.bench")
        logger.logLevel = .warning
        let clock = SystemClock()
        let service = ActivationService(
            destinations: [destination], members: BenchDeliverMembers(count: members), outbox: store, clock: clock, logger: logger)

        let planStart = BenchMeasurement.start()
        let planned = try await service.plan(destination)
        let plannedAt = planStart.finish()

        let transport = AsyncHTTPTransport()
        let sender = try await DeliveryService.makeSender(for: destination, transport: transport, clock: clock, limiters: RateLimiterPool())
        let worker = DeliveryWorker(destination: destination, outbox: store, sender: sender, clock: clock, owner: "bench", logger: logger)
        let drainStart = BenchMeasurement.start()
        var report = DeliveryReport(destination: target.name)
        while true {
            report.add(try await worker.runOnce(drain: true))
            let counts = try await store.outboxCounts(destination: target.name, now: clock.now)
            if counts.pending == 0 { break }
            try await clock.sleep(until: max(clock.now.addingTimeInterval(0.05), worker.hold.until ?? clock.now))
        }
        let drained = drainStart.finish()
        try await transport.shutdown()
        let counts = try await store.outboxCounts(destination: target.name, now: clock.now)
        try await store.close()

        let throughput = Double(members) / drained.wallSeconds
        return BenchDeliverReport(
            target: target, members: members, planned: planned.plan.counts.adds, plan: plannedAt, drain: drained,
            requests: report.requests, throughput: throughput, audience: target.audienceCount(), dead: counts.dead,
            violations: target.emulator.violations.count
        ).text
    }
}
