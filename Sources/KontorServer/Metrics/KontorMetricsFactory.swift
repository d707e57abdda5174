import CoreMetrics
import KontorRuntime
import Prometheus

/// The swift-metrics backend of Kontor: a Prometheus registry that knows the help
/// texts and histogram buckets of ``KontorRuntime/KontorMetric``s.
///
/// Why not `PrometheusMetricsFactory`: it registers every metric without help text,
/// and the registry refuses (traps on) a second registration of a name with a
/// different help text, so metrics made through it and through the registry
/// directly cannot share names. Here every metric of a name gets the same help and
/// buckets, whoever makes it. Names Kontor does not know get no help and the
/// default buckets.
///
/// `kontor run` bootstraps swift-metrics with one of these; the server uses one over
/// the registry it is given, so tests get exact numbers from a registry of their own.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// MetricsSystem.bootstrap(KontorMetricsFactory(registry: registry))
/// ```
public struct KontorMetricsFactory: MetricsFactory {
    /// The registry metrics are made in and `/metrics` reads.
    public let registry: PrometheusCollectorRegistry

    /// Buckets (seconds) for histograms of names without their own.
    static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return registry.makeGauge(descriptor: descriptor(label), labels: dimensions) }
        return registry.makeValueHistogram(descriptor: descriptor(label), labels: dimensions, buckets: buckets(label))
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(
            descriptor: descriptor(label), labels: dimensions,
            buckets: buckets(label).map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) })
    }

    public func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    public func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
        if let histogram = handler as? Prometheus.ValueHistogram { registry.unregisterValueHistogram(histogram) }
    }

    public func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    public func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? Prometheus.DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }

    /// The name with its help text: the same for every metric of a name, as the registry requires.
    private func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: KontorMetric.named(name)?.help ?? "")
    }

    private func buckets(_ name: String) -> [Double] {
        guard let buckets = KontorMetric.named(name)?.buckets, !buckets.isEmpty else { return Self.defaultBuckets }
        return buckets
    }
}
