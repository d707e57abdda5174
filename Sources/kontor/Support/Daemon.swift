import Foundation
import KontorCore
import KontorHTTP
import KontorPostgres
import KontorRuntime
import KontorServer
import KontorStore
import Logging
import ServiceLifecycle

/// The services of `kontor run`, composed once from a workspace, in start
/// order (they stop in reverse: the HTTP server first), plus the one-screen
/// summary printed at start.
struct Daemon {
    var services: [any Service]
    var summary: [String]

    static func compose(
        workspace: Workspace, transport: AsyncHTTPTransport, owner: String, listen: String?, logger: Logger
    ) async throws -> Daemon {
        let deployment = workspace.deployment
        let store = workspace.store
        let clock = SystemClock()
        let model = try ProfileModel(deployment)
        let personalization = PersonalizationCache(deployment.server.personalize)
        let engine = SegmentEngine(store: store, model: model, clock: clock, afterPass: personalization.membershipsChanged)
        let builder = ProfileBuilder(
            store: store, model: model, clock: clock, afterBatch: { engine.notify(); personalization.profilesChanged($0) })
        let retention = RetentionService(store: store, settings: deployment.retention, clock: clock, logger: logger)

        var jobs: [ScheduledJob] = []
        var sourceLines: [String] = []
        for name in deployment.sources.keys.sorted() {
            guard let source = deployment.sources[name], source.enabled, let plugin = workspace.catalog[source.plugin] else {
                continue
            }
            guard plugin.http != nil || plugin.files != nil || plugin.sql != nil else {
                sourceLines.append("  source \(name) (\(source.plugin)): inbound only")
                continue
            }
            let schedule = try source.schedule?.schedule() ?? .manual
            let pull = try SourcePull(
                source: name, plugin: plugin, config: .object(source.config), store: store, transport: transport,
                clock: clock, baseURL: source.baseURL, secrets: Array(workspace.loaded.secrets),
                baseDirectory: URL(fileURLWithPath: workspace.folder), sqlDrivers: .builtIn)
            let streams = source.streams
            jobs.append(ScheduledJob(name: "source:\(name)", schedule: schedule) {
                let result = try await pull.run(streams: streams)
                builder.notify()
                logger.info("sync finished", metadata: [
                    "kontor.source": "\(name)", "kontor.records": "\(result.pull.total.records)",
                    "kontor.messages": "\(result.pull.total.messages)",
                ])
            })
            sourceLines.append("  source \(name) (\(source.plugin)): \(describe(schedule))")
        }
        let scheduler = Scheduler(jobs: jobs, store: store, clock: clock, owner: owner, logger: logger)
        let nextRuns = try await scheduler.planAll()

        var destinations: [ActivationDestination] = []
        var destinationLines: [String] = []
        for name in deployment.destinations.keys.sorted() {
            guard let config = deployment.destinations[name], config.enabled, let plugin = workspace.catalog[config.plugin] else {
                continue
            }
            destinations.append(try ActivationDestination(name: name, config: config, plugin: plugin))
            destinationLines.append(
                "  destination \(name) (\(config.plugin), \(config.mode.rawValue)): segments \(config.segments.joined(separator: ", "))")
        }
        let activation = ActivationService(
            destinations: destinations, members: ProfileStoreMembers(store: store, consent: deployment.consent),
            outbox: store, clock: clock)
        let delivery = try await DeliveryService.make(
            destinations: destinations, outbox: store, transport: transport, clock: clock, owner: owner)
        let server = try KontorApplication(
            settings: deployment.server, store: store, clock: clock, logger: logger, listen: listen,
            metrics: MetricsBootstrap.serverMetrics())
        try WebhookService(
            sources: deployment.sources, plugin: { workspace.catalog[$0] }, writer: server.writer, clock: clock, logger: logger
        ).addRoutes(to: server.router)
        try FormService(
            sources: deployment.sources, plugin: { workspace.catalog[$0] }, allowedOrigins: deployment.server.allowedOrigins,
            writer: server.writer, clock: clock, logger: logger
        ).addRoutes(to: server.router)
        server.addPersonalizationAndAdminRoutes(
            deployment: deployment, store: store, model: model, clock: clock, cache: personalization)

        var summary = [
            "Kontor \(KontorVersion.current) starting as \(owner)",
            "store: \(deployment.store) (\(workspace.folder))",
            "listen: http://\(listen ?? deployment.server.listen)",
        ]
        summary += sourceLines + destinationLines
        summary.append("segments: \(deployment.segments.keys.sorted().joined(separator: ", "))")
        for (job, date) in nextRuns.sorted(by: { $0.key < $1.key }) {
            summary.append("next run of \(job): \(date.formatted(.iso8601))")
        }
        return Daemon(
            services: [scheduler, builder, engine, retention, activation, delivery, server.application()], summary: summary)
    }

    /// The services in one group that stops them gracefully on SIGTERM/SIGINT (or on
    /// `triggerGracefulShutdown()`, e.g. at the end of `kontor demo --duration`).
    func serviceGroup(logger: Logger) -> ServiceGroup {
        ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }

    private static func describe(_ schedule: Schedule) -> String {
        switch schedule {
        case .manual: return "manual (kontor sync)"
        case let .every(interval, _): return "every \(Int(interval))s"
        case let .cron(expression, timeZone, _): return "cron \(expression) (\(timeZone.identifier))"
        }
    }
}
