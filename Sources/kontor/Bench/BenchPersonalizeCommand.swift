import ArgumentParser
import AsyncHTTPClient
import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorTesting
import Logging

/// `kontor bench personalize`: latency and throughput of `GET /v1/personalize` on loopback.
///
/// Writes `--profiles` generated profiles (``BenchSegmentsPopulation``: traits, orders, consent,
/// 20 segments, evaluated once) into a SQLite file store, starts Kontor's server twice in this
/// process (with the memory cache, and with it turned off), and loads them with concurrent
/// AsyncHTTPClient clients asking for people by email: `hits` (a hot set the cache holds),
/// `mixed` (90 % hot set, 10 % anyone) and `misses` (cache off: every request reads the store).
struct BenchPersonalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "personalize",
        abstract: "Measure p50/p99 latency and requests/s of the personalisation API, with and without its cache.",
        discussion: """
            Prints, per scenario and concurrency, requests per second, p50/p99/max latency seen by the clients, the \
            cache hit ratio, CPU µs per request and peak memory. Server and clients share this process, so CPU is both.
            """
    )

    @Option(help: "Profiles in the store.")
    var profiles = 100_000

    @Option(help: "Concurrent clients, comma-separated.")
    var clients = "1,16,64"

    @Option(help: "People in the hot set the hits scenario asks for.")
    var hot = 1_000

    @Option(name: .customLong("cache-entries"), help: "Entries of the cached server's cache.")
    var cacheEntries = 10_000

    @Option(help: "Measured seconds per scenario.")
    var seconds: Double = 10

    @Option(help: "Warm-up seconds before each measurement.")
    var warmup: Double = 2

    @Option(help: "The SQLite store file to create (default: a temporary one, removed afterwards).")
    var store: String?

    @Flag(help: "Print the measurements as JSON.")
    var json = false

    var concurrency: [Int] { clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        guard !concurrency.isEmpty, concurrency.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--clients must list positive numbers, e.g. 1,16,64")
        }
        guard profiles > 0, (1...profiles).contains(hot), cacheEntries >= hot else {
            throw ValidationError("--profiles must be positive, --hot between 1 and --profiles, --cache-entries at least --hot")
        }
        guard seconds > 0, warmup >= 0 else { throw ValidationError("--seconds must be positive, --warmup not negative") }
    }

    func run() async throws {
        var logger = Logger(label: "kontor.bench")
        logger.logLevel = .error
        let (path, cleanup) = try BenchStoreFile.prepare(store, name: "personalize")
        defer { cleanup() }
        let sqlite = try SQLiteStore.file(at: path)
        try await sqlite.migrate()
        let model = try ProfileModel(BenchSegmentsPopulation.deployment)
        let seeding = BenchMeasurement.start()
        try await BenchPersonalizeStore.write(BenchSegmentsPopulation(count: profiles), model: model, into: sqlite)
        let memberships = try await SegmentEngine(
            store: sqlite, model: model, clock: ManualClock(now: BenchSegmentsPopulation.now)
        ).evaluateAll().entered
        BenchReport.progress(
            "wrote \(profiles) profiles and \(memberships) memberships in \(BenchReport.seconds(seeding.finish().wallSeconds))",
            quiet: json)

        let servers = try await BenchPersonalizeServers.start(
            store: sqlite, model: model, now: BenchSegmentsPopulation.now, cacheEntries: cacheEntries, logger: logger)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency.max() ?? 1)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var report = BenchPersonalizeReport(profiles: profiles, hot: hot, cacheEntries: cacheEntries, seconds: seconds)
        do {
            report.sample = try await BenchPersonalizeStore.compare(client: client, servers: servers)
            try await BenchPersonalizeStore.warm(client: client, port: servers.cachedPort, count: hot)
            for scenario in BenchPersonalizeReport.Scenario.allCases {
                for clients in concurrency {
                    BenchReport.progress("\(scenario.rawValue) with \(clients) clients …", quiet: json)
                    report.runs.append(try await measure(scenario, clients: clients, client: client, servers: servers))
                }
            }
        } catch {
            try? await client.shutdown()
            await servers.stop()
            throw error
        }
        try? await client.shutdown()
        await servers.stop()
        try? await sqlite.close()
        print(json ? report.json : report.text)
    }

    private func measure(
        _ scenario: BenchPersonalizeReport.Scenario, clients: Int, client: HTTPClient, servers: BenchPersonalizeServers
    ) async throws -> BenchPersonalizeReport.Run {
        let load = BenchPersonalizeLoad(
            client: client, port: scenario == .misses ? servers.uncachedPort : servers.cachedPort, population: profiles,
            hot: hot, hotShare: scenario.hotShare, clients: clients)
        if warmup > 0 { _ = await load.run(seconds: warmup, seed: 1) }
        let before = servers.cache.statistics
        let measuring = BenchMeasurement.start()
        let counts = await load.run(seconds: seconds, seed: 2)
        let measurement = measuring.finish()
        let after = servers.cache.statistics
        let hits = scenario == .misses ? 0 : after.hits - before.hits
        let asked = scenario == .misses ? counts.requests : (after.hits + after.misses) - (before.hits + before.misses)
        return BenchPersonalizeReport.Run(
            scenario: scenario, clients: clients, counts: counts, measurement: measurement,
            hitRatio: asked > 0 ? Double(hits) / Double(asked) : 0)
    }
}
