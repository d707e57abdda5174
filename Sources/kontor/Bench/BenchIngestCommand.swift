import ArgumentParser
import AsyncHTTPClient
import Foundation
import KontorSQLite
import Logging

/// `kontor bench ingest`: durable ingest throughput of the Segment-compatible API on loopback.
///
/// Kontor's server (group commit into a SQLite file store, every 200 sent after the commit)
/// and a plain Hummingbird endpoint that parses the same JSON and stores nothing run in this
/// process; AsyncHTTPClient clients load each in turn with `/v1/track` (one event per request,
/// at each `--clients` concurrency) and `/v1/batch` (`--batch-size` events per request). Every
/// event acknowledged by Kontor is checked to be in the store at the end.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure durable ingest throughput of /v1/track and /v1/batch against a store-nothing endpoint.",
        discussion: """
            Prints, per scenario, requests and events per second of Kontor and of the plain endpoint, their ratio, \
            p50/p99 request latency, CPU seconds per million events and peak memory. Server and load generator share \
            this process, so CPU seconds are the sum of both; compare the two endpoints' figures.
            """
    )

    @Option(help: "Concurrent clients for the /v1/track scenarios, comma-separated.")
    var clients = "16,64"

    @Option(name: .customLong("batch-clients"), help: "Concurrent clients for the /v1/batch scenario.")
    var batchClients = 16

    @Option(name: .customLong("batch-size"), help: "Events per /v1/batch request.")
    var batchSize = 100

    @Option(help: "Measured seconds per scenario and endpoint.")
    var seconds: Double = 10

    @Option(help: "Warm-up seconds before each measurement.")
    var warmup: Double = 2

    @Flag(help: "Print the measurements as JSON.")
    var json = false

    var trackClients: [Int] { clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        guard !trackClients.isEmpty, trackClients.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--clients must list positive numbers, e.g. 16,64")
        }
        guard batchClients > 0, (1...500).contains(batchSize) else {
            throw ValidationError("--batch-clients must be positive and --batch-size between 1 and 500")
        }
        guard seconds > 0, warmup >= 0 else { throw ValidationError("--seconds must be positive, --warmup not negative") }
    }

    func run() async throws {
        var logger = Logger(label: "kontor.bench")
        logger.logLevel = .error
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let servers = try await BenchIngestServers.start(store: store, logger: logger)

        let widest = max(batchClients, trackClients.max() ?? 1)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: widest)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var report = BenchIngestReport(seconds: seconds, batchSize: batchSize)
        let scenarios = trackClients.map { ("track", false, $0) } + [("batch", true, batchClients)]
        for (name, batch, concurrency) in scenarios {
            var scenario = BenchIngestReport.Scenario(name: name, clients: concurrency)
            for target in BenchIngestReport.Target.allCases {
                let port = target == .kontor ? servers.kontorPort : servers.plainPort
                let load = BenchIngestLoad(
                    client: client, url: "http://127.0.0.1:\(port)/v1/\(name)", batch: batch,
                    bodies: BenchIngestBodies(batchSize: batchSize), clients: concurrency,
                    authorization: "Basic " + Data("\(BenchIngestServers.writeKey):".utf8).base64EncodedString())
                let tag = "\(name)-\(concurrency)-\(target.rawValue)"
                let warm = warmup > 0 ? await load.run(seconds: warmup, tag: tag + "-warm") : BenchIngestLoad.Counts()
                let measuring = BenchMeasurement.start()
                let counts = await load.run(seconds: seconds, tag: tag)
                scenario.runs[target] = BenchIngestReport.Run(counts: counts, measurement: measuring.finish())
                if target == .kontor { report.kontorEventsAcknowledged += warm.events + counts.events }
            }
            report.scenarios.append(scenario)
        }
        try? await client.shutdown()
        await servers.stop()
        report.storedEvents = try await store.count()
        try? await store.close()
        print(json ? report.json : report.text)
        guard report.storedEvents == report.kontorEventsAcknowledged else {
            throw BenchIngestFailure(
                "Kontor acknowledged \(report.kontorEventsAcknowledged) events but the store holds \(report.storedEvents)")
        }
    }
}
