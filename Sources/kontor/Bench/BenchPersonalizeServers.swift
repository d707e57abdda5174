import Foundation
import Hummingbird
import KontorCore
import KontorRuntime
import KontorServer
import KontorStore
import KontorTesting
import Logging
import ServiceLifecycle

/// The two servers `kontor bench personalize` loads, in this process on loopback:
/// Kontor's server with the personalisation API and its memory cache, and the same
/// with the cache turned off (`cache_entries: 0`), so every request reads the store.
struct BenchPersonalizeServers {
    static let readKey = "rk_bench_personalize"
    /// The traits the benchmark's server exposes.
    static let exposedTraits = ["first_name", "country", "city", "order_count", "lifetime_value"]

    var cachedPort: Int
    var uncachedPort: Int
    /// The cache of the cached server, for hit counts.
    var cache: PersonalizationCache
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    static func start(
        store: any ProfileStore & KontorStore, model: ProfileModel, now: Date, cacheEntries: Int, logger: Logger
    ) async throws -> BenchPersonalizeServers {
        let clock = ManualClock(now: now)
        let ports = PortWaiter()
        var applications: [any Service] = []
        var caches: [PersonalizationCache] = []
        for (name, entries) in [("cached", cacheEntries), ("uncached", 0)] {
            let settings = ServerSettings(
                listen: "127.0.0.1:0", readKeys: [readKey], exposeTraits: exposedTraits,
                personalize: PersonalizeSettings(cacheEntries: entries, cacheTTL: 3600))
            let server = try KontorApplication(settings: settings, store: store, clock: clock, logger: logger)
            let cache = PersonalizationCache(settings.personalize)
            PersonalizationService(settings: settings, store: store, model: model, clock: clock, cache: cache)
                .addRoutes(to: server.router)
            caches.append(cache)
            applications.append(Application(
                router: server.router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: name),
                onServerRunning: { ports.found(name, $0.localAddress?.port) }, logger: logger))
        }
        let group = ServiceGroup(configuration: .init(services: applications, logger: logger))
        let running = Task {
            defer { ports.finish() }
            try await group.run()
        }
        let found = try await ports.wait(for: ["cached", "uncached"])
        return BenchPersonalizeServers(
            cachedPort: found["cached"] ?? 0, uncachedPort: found["uncached"] ?? 0, cache: caches[0], group: group,
            running: running)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}
