import Foundation
import Metrics

/// The runtime's instrumentation points, one call per event, recorded through
/// swift-metrics into whatever backend the executable bootstrapped (none: no-op).
///
/// Metric objects come from the bootstrapped factory on each call; the Prometheus
/// backend hands back the existing series, so nothing is cached here. Calls sit
/// on per-page, per-batch and per-round paths, never per record.
enum RuntimeMetrics {
    /// A page of a source stream was read (`records` kept after filters).
    static func pulledPage(source: String, stream: String, records: Int) {
        let dimensions = [("source", source), ("stream", stream)]
        Counter(label: KontorMetric.pullPages.name, dimensions: dimensions).increment()
        Counter(label: KontorMetric.pullRecords.name, dimensions: dimensions).increment(by: records)
    }

    /// A page's messages were committed to the event log.
    static func committedPage(source: String, stream: String, inserted: Int, duplicates: Int) {
        let dimensions = [("source", source), ("stream", stream)]
        Counter(label: KontorMetric.pullMessages.name, dimensions: dimensions).increment(by: inserted)
        Counter(label: KontorMetric.pullDuplicates.name, dimensions: dimensions).increment(by: duplicates)
    }

    /// A source request waited `seconds` before it was sent (`reason`: rate_limited, budget, backoff).
    static func waited(source: String, stream: String, seconds: TimeInterval, reason: String) {
        let dimensions = [("source", source), ("stream", stream), ("reason", reason)]
        Counter(label: KontorMetric.pullWaits.name, dimensions: dimensions).increment()
        FloatingPointCounter(label: KontorMetric.pullWaitSeconds.name, dimensions: dimensions)
            .increment(by: max(0, seconds))
    }

    /// Jobs of `destination` were settled after an attempt.
    static func settled(destination: String, delivered: Int, retried: Int, dead: Int) {
        for (outcome, count) in [("delivered", delivered), ("retried", retried), ("dead", dead)] where count > 0 {
            Counter(label: KontorMetric.deliveries.name, dimensions: [("destination", destination), ("outcome", outcome)])
                .increment(by: count)
        }
    }

    /// One request to `destination` took from `started` until now.
    static func deliveryRequest(destination: String, since started: ContinuousClock.Instant) {
        Timer(label: KontorMetric.deliveryRequestDuration.name, dimensions: [("destination", destination)])
            .recordNanoseconds(nanoseconds(since: started))
    }

    /// The profile builder committed a batch of `events` messages.
    static func profileBatch(events: Int) {
        Counter(label: KontorMetric.profileMessages.name).increment(by: events)
    }

    /// A segment pass (`pass`: dirty or all) ran from `started` until now; recorded only when it evaluated something.
    static func segmentPass(_ pass: String, evaluated: Int, since started: ContinuousClock.Instant) {
        guard evaluated > 0 else { return }
        Timer(label: KontorMetric.segmentPassDuration.name, dimensions: [("pass", pass)])
            .recordNanoseconds(nanoseconds(since: started))
    }

    private static func nanoseconds(since started: ContinuousClock.Instant) -> Int64 {
        let elapsed = started.duration(to: .now).components
        return elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
    }
}
