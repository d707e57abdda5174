import Hummingbird
import KontorCore
import KontorStore
import Logging

/// Builds Kontor's HTTP server: the ingest API, `/healthz`, `/readyz` and `/metrics`,
/// as one Hummingbird `Application` that `kontor run` adds to its `ServiceGroup`.
/// Every route, including those added later to ``router``, is counted in the metrics
/// and gets one request-log line (``ServerMetrics``, `docs/operations.md`).
///
/// The application runs its own ``GroupCommitWriter`` as a service, so the
/// writer starts and stops with the server: on shutdown the server stops
/// accepting requests first, then the writer commits what is queued.
/// The store must be migrated before the server starts (`/readyz` says 503 until it is).
///
/// ```swift
/// let server = try KontorApplication(settings: deployment.server, store: store, clock: SystemClock(), logger: logger)
/// let group = ServiceGroup(configuration: .init(services: [server.application, …], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
public struct KontorApplication {
    /// The address parsed from `settings.listen`.
    public let address: ListenAddress
    /// The writer of the ingest API (exposed for status and tests).
    public let writer: GroupCommitWriter
    /// The routes; later areas (hooks, forms, personalisation, admin) add theirs here
    /// before ``application()`` is called.
    public let router: Router<BasicRequestContext>
    private let logger: Logger

    /// - Parameters:
    ///   - settings: the deployment's `server:` section (`listen`, `write_keys`).
    ///   - source: the event-log source name ingested messages are stored under.
    ///   - listen: overrides `settings.listen` (e.g. `127.0.0.1:0` in tests).
    ///   - metrics: the registry `/metrics` serves; `kontor run` passes the one swift-metrics is bootstrapped with.
    /// - Throws: ``ListenAddressError`` when the listen address is not `host:port`.
    public init(
        settings: ServerSettings, store: any KontorStore, clock: any KontorClock, logger: Logger,
        limits: IngestLimits = .segment, source: String = "ingest", listen: String? = nil,
        metrics: ServerMetrics = ServerMetrics()
    ) throws(ListenAddressError) {
        self.address = try ListenAddress(parsing: listen ?? settings.listen)
        self.logger = logger
        let writer = GroupCommitWriter(store: store, metrics: metrics, logger: logger)
        self.writer = writer
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics.requests))
        router.add(middleware: JSONErrorMiddleware())
        MetricsRoute(metrics: metrics, gauges: StoreGauges(store: store, clock: clock, factory: metrics.factory, logger: logger))
            .addRoutes(to: router)
        HealthRoutes(store: store, writer: writer).addRoutes(to: router)
        IngestService(writeKeys: settings.writeKeys, writer: writer, clock: clock, limits: limits, source: source)
            .addRoutes(to: router)
        self.router = router
    }

    /// The Hummingbird application: a `Service` serving on ``address``.
    ///
    /// Routes added to ``router`` after this call are not served by the returned application.
    public func application() -> Application<RouterResponder<BasicRequestContext>> {
        Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port), serverName: "kontor"),
            services: [writer],
            logger: logger)
    }
}
