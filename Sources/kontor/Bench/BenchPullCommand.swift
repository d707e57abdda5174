import ArgumentParser
import Foundation
import KontorConfig
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorSQLite

/// `kontor bench pull`: the shipped Shopify plugin pulls every customer of an emulated shop on
/// loopback through the real runtime (`SourceRunner`, `AsyncHTTPTransport`, Link-header paging,
/// emit, one transaction per page) into a SQLite file store in a temporary folder.
///
/// The emulator runs in a child process, so the CPU seconds and peak memory reported are the pull's
/// alone; the child's own figures are reported beside them. Rate limits are off on both sides: the
/// bench measures the runtime, not Shopify's 2 requests a second.
struct BenchPullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Pull N customers from the Shopify emulator into a SQLite store and measure it.",
        discussion: """
            Prints records per second, pages, wall and CPU seconds and peak memory of the pull; the emulator's \
            data generation, CPU and memory; and the size of the store. Run it from the repository root (or \
            pass --plugins) so that Plugins/shopify/plugin.yaml is found.
            """
    )

    @Option(name: .long, help: "Customers in the emulated shop.")
    var records = 1_000_000

    @Option(name: .customLong("page-size"), help: "Customers per page (Shopify allows 1 to 250).")
    var pageSize = 250

    @Option(name: .long, help: "The plugin directory holding shopify/plugin.yaml.")
    var plugins = "Plugins"

    @Flag(name: .customLong("in-process"), help: "Serve the emulator in this process (its work then counts in the figures).")
    var inProcess = false

    @Flag(name: .long, help: "Print the measurements as JSON.")
    var json = false

    @Option(name: .customLong("serve-emulator"), help: .hidden)
    var serveEmulator: Int?

    func validate() throws {
        guard records > 0 else { throw ValidationError("--records must be at least 1") }
        guard (1...250).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 250 (Shopify's limit)") }
    }

    func run() async throws {
        if let serveEmulator {
            try await BenchPullEmulator.serve(records: serveEmulator)
            return
        }
        let (plugin, diagnostics) = PluginLoader.load(directory: URL(fileURLWithPath: plugins).appendingPathComponent("shopify"))
        guard let plugin else {
            throw BenchPullFailure("cannot load \(plugins)/shopify/plugin.yaml: \(diagnostics.map(\.description).joined(separator: "; "))")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-pull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let emulator = try await BenchPullEmulator.start(records: records, inProcess: inProcess)
        let database = folder.appendingPathComponent("kontor.db").path
        let store = try SQLiteStore.file(at: database)
        try await store.migrate()
        let transport = AsyncHTTPTransport()
        let pull: BenchPullReport.Pull
        do {
            let runner = try SourceRunner(
                source: "shop", plugin: plugin,
                config: ["shop": "bench", "access_token": .string(BenchPullEmulator.configuration.accessToken), "page_size": .int(pageSize)],
                store: store, history: store, transport: transport, clock: SystemClock(),
                options: PullOptions(baseURL: emulator.apiBase, limiter: try RateLimiter([]))
            )
            let measuring = BenchMeasurement.start()
            let result = try await runner.run(streams: ["customers"])
            pull = BenchPullReport.Pull(result: result, measurement: measuring.finish())
        } catch {
            try? await transport.shutdown()
            _ = await emulator.stop()
            throw error
        }
        try? await transport.shutdown()
        try? await store.close()
        let child = await emulator.stop()
        let storeBytes = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        let report = BenchPullReport(
            records: records, pageSize: pageSize, inProcess: inProcess, pull: pull, generationSeconds: emulator.generationSeconds,
            emulatorCPUSeconds: child?.cpuSeconds, emulatorPeakBytes: child?.peakResidentBytes, storeBytes: storeBytes
        )
        print(json ? report.json : report.text)
        guard pull.records == records else {
            throw BenchPullFailure("pulled \(pull.records) records of \(records)")
        }
    }
}
