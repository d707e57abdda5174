import KontorServer
import Metrics
import Prometheus
import Synchronization

/// The process's metrics backend: swift-metrics bootstrapped once with Kontor's
/// Prometheus factory over one registry, which the server's `/metrics` serves.
///
/// Only the executable bootstraps (libraries record through swift-metrics and
/// never choose a backend); commands that serve HTTP call ``serverMetrics()``,
/// the others never do, so their metrics stay no-ops.
///
/// ```swift
/// let server = try KontorApplication(settings: …, metrics: MetricsBootstrap.serverMetrics())
/// ```
enum MetricsBootstrap {
    /// What swift-metrics records into and `/metrics` emits.
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = Mutex(false)

    /// Bootstraps swift-metrics on the first call (a second bootstrap would trap) and
    /// returns server metrics over the process registry.
    static func serverMetrics() -> ServerMetrics {
        bootstrapped.withLock { done in
            guard !done else { return }
            MetricsSystem.bootstrap(KontorMetricsFactory(registry: registry))
            done = true
        }
        return ServerMetrics(registry: registry)
    }
}
