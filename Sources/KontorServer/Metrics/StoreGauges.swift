import KontorCore
import KontorRuntime
import KontorStore
import Logging
import Metrics
import Synchronization

/// The gauges read from the store when `/metrics` is scraped:
/// `kontor_outbox_jobs` per destination and state, and `kontor_profile_lag_messages`.
///
/// Reading at scrape time keeps them exact without a timer, and costs one
/// queue-count query and two position reads per scrape. A destination whose
/// queue emptied keeps its series, at 0, so a graph drops to zero instead of
/// ending. A store that fails leaves the gauges as they were (logged at debug).
final class StoreGauges: Sendable {
    private let store: any KontorStore
    private let clock: any KontorClock
    private let factory: any MetricsFactory
    private let logger: Logger
    private let destinations = Mutex<Set<String>>([])

    init(store: any KontorStore, clock: any KontorClock, factory: any MetricsFactory, logger: Logger) {
        self.store = store
        self.clock = clock
        self.factory = factory
        self.logger = logger
    }

    /// Sets every gauge from the store.
    func refresh() async {
        await refreshOutbox()
        await refreshProfileLag()
    }

    private func refreshOutbox() async {
        guard let outbox = store as? any OutboxStore else { return }
        let counts: [OutboxCounts]
        do {
            counts = try await outbox.outboxCounts(now: clock.now)
        } catch {
            logger.debug("metrics: outbox counts unavailable", metadata: ["kontor.store_error": "\(error.message)"])
            return
        }
        let current = Dictionary(counts.map { ($0.destination, $0) }) { first, _ in first }
        let names = destinations.withLock { known in
            known.formUnion(current.keys)
            return known
        }
        for name in names {
            let row = current[name] ?? OutboxCounts(destination: name)
            for (state, value) in [("pending", row.pending), ("leased", row.leased), ("retrying", row.retrying), ("dead", row.dead)] {
                Gauge(label: KontorMetric.outboxJobs.name, dimensions: [("destination", name), ("state", state)], factory: factory)
                    .record(value)
            }
        }
    }

    private func refreshProfileLag() async {
        do {
            let last = try await store.lastSeq()
            let position = try await store.position(consumer: ProfileBuilder.consumer)
            Gauge(label: KontorMetric.profileLag.name, factory: factory).record(max(0, last - position))
        } catch {
            logger.debug("metrics: profile position unavailable", metadata: ["kontor.store_error": "\(error.message)"])
        }
    }
}
