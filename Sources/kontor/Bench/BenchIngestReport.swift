import Foundation

/// The figures of one `kontor bench ingest`, as text or JSON.
struct BenchIngestReport {
    enum Target: String, CaseIterable {
        case plain, kontor
    }

    struct Run {
        var counts: BenchIngestLoad.Counts
        var measurement: BenchMeasurement

        var eventsPerSecond: Double { Double(counts.events) / max(measurement.wallSeconds, 1e-9) }
        var requestsPerSecond: Double { Double(counts.requests) / max(measurement.wallSeconds, 1e-9) }
        var cpuMicrosPerEvent: Double { measurement.cpuSeconds * 1e6 / Double(max(1, counts.events)) }

        /// The `q` quantile of the request latencies, in milliseconds.
        func latencyMilliseconds(_ q: Double) -> Double {
            let sorted = counts.latencies.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.down)))] * 1000
        }
    }

    struct Scenario {
        var name: String
        var clients: Int
        var runs: [Target: Run] = [:]

        /// Kontor's events per second over the plain endpoint's.
        var ratio: Double {
            guard let kontor = runs[.kontor], let plain = runs[.plain], plain.eventsPerSecond > 0 else { return 0 }
            return kontor.eventsPerSecond / plain.eventsPerSecond
        }
    }

    var seconds: Double
    var batchSize: Int
    var scenarios: [Scenario] = []
    var kontorEventsAcknowledged = 0
    var storedEvents = 0

    static var build: String {
        #if DEBUG
        "debug build"
        #else
        "release build"
        #endif
    }

    var text: String {
        var lines = [
            "kontor bench ingest: \(Self.build), loopback, SQLite file store (WAL, synchronous FULL, group commit); "
                + String(format: "%.0f s per run; server and clients in one process (CPU is both)", seconds),
            "scenario          target  clients  requests/s   events/s   p50 ms   p99 ms  CPU µs/event  peak memory  failures",
        ]
        for scenario in scenarios {
            let label = scenario.name == "batch" ? "/v1/batch (\(batchSize))" : "/v1/track"
            for target in Target.allCases {
                guard let run = scenario.runs[target] else { continue }
                lines.append(
                    label.padding(toLength: 18, withPad: " ", startingAt: 0) + target.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                        + String(
                            format: "%7d %11.0f %10.0f %8.2f %8.2f %13.1f  ", scenario.clients, run.requestsPerSecond,
                            run.eventsPerSecond, run.latencyMilliseconds(0.5), run.latencyMilliseconds(0.99), run.cpuMicrosPerEvent)
                        + BenchMeasurement.mebibytes(run.measurement.peakResidentBytes).padding(toLength: 11, withPad: " ", startingAt: 0)
                        + String(format: " %9d", run.counts.failures))
                if let failure = run.counts.firstFailure { lines.append("  first failure: \(failure)") }
            }
            lines.append(String(format: "  ratio kontor/plain events/s: %.2f", scenario.ratio))
        }
        lines.append("durability: \(kontorEventsAcknowledged) events acknowledged by Kontor, \(storedEvents) in the store")
        return lines.joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "ingest", "build": Self.build, "seconds": seconds, "batch_size": batchSize,
            "acknowledged_events": kontorEventsAcknowledged, "stored_events": storedEvents,
            "scenarios": scenarios.map { scenario -> [String: Any] in
                var runs: [String: Any] = [:]
                for (target, run) in scenario.runs {
                    runs[target.rawValue] = [
                        "requests": run.counts.requests, "events": run.counts.events, "failures": run.counts.failures,
                        "wall_seconds": run.measurement.wallSeconds, "events_per_second": run.eventsPerSecond,
                        "requests_per_second": run.requestsPerSecond, "p50_ms": run.latencyMilliseconds(0.5),
                        "p99_ms": run.latencyMilliseconds(0.99), "cpu_seconds": run.measurement.cpuSeconds,
                        "peak_resident_bytes": run.measurement.peakResidentBytes,
                    ]
                }
                return ["endpoint": scenario.name, "clients": scenario.clients, "ratio": scenario.ratio, "runs": runs]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
