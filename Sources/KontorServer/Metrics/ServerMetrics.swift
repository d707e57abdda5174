import Prometheus

/// The metrics of one server: the Prometheus registry `/metrics` serves, and the
/// server's own instruments (requests, ingest) made in it.
///
/// Give the server the registry swift-metrics was bootstrapped with (`kontor run`
/// does), and `/metrics` shows the runtime's metrics too: pulls, deliveries,
/// profiles, segments. A server given a fresh registry (the default, and what tests
/// use) shows its own metrics only, exactly, untouched by any other server.
///
/// ```swift
/// let metrics = ServerMetrics(registry: registry)
/// let server = try KontorApplication(settings: settings, store: store, clock: clock, logger: logger, metrics: metrics)
/// ```
public final class ServerMetrics: Sendable {
    /// The registry the server's instruments live in and `/metrics` emits.
    public let registry: PrometheusCollectorRegistry
    let factory: KontorMetricsFactory
    let requests: RequestMetrics
    let ingest: IngestMetrics

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let factory = KontorMetricsFactory(registry: registry)
        self.factory = factory
        self.requests = RequestMetrics(factory: factory)
        self.ingest = IngestMetrics(factory: factory)
    }

    /// The registry's metrics in the Prometheus text exposition format (version 0.0.4).
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
