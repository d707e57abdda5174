import KontorRuntime
import Metrics
import Synchronization

/// `kontor_http_requests_total` and `kontor_http_request_duration_seconds`, with
/// the instruments of each label set kept, so a request costs one dictionary lookup.
final class RequestMetrics: Sendable {
    private struct CounterKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct TimerKey: Hashable {
        var method: String
        var route: String
    }

    private let factory: any MetricsFactory
    private let counters = Mutex<[CounterKey: Counter]>([:])
    private let timers = Mutex<[TimerKey: Timer]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Counts one answered request and records its duration.
    func record(method: String, route: String, status: Int, nanoseconds: Int64) {
        counter(CounterKey(method: method, route: route, status: status)).increment()
        timer(TimerKey(method: method, route: route)).recordNanoseconds(nanoseconds)
    }

    private func counter(_ key: CounterKey) -> Counter {
        counters.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = Counter(
                label: KontorMetric.httpRequests.name,
                dimensions: [("method", key.method), ("route", key.route), ("status", String(key.status))],
                factory: factory)
            cache[key] = counter
            return counter
        }
    }

    private func timer(_ key: TimerKey) -> Timer {
        timers.withLock { cache in
            if let timer = cache[key] { return timer }
            let timer = Timer(
                label: KontorMetric.httpRequestDuration.name, dimensions: [("method", key.method), ("route", key.route)],
                factory: factory)
            cache[key] = timer
            return timer
        }
    }
}
