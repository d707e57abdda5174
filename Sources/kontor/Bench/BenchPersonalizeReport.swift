import Foundation

/// The figures of one `kontor bench personalize`, as text or JSON.
struct BenchPersonalizeReport {
    enum Scenario: String, CaseIterable {
        /// A hot set the cache holds.
        case hits
        /// 90 % hot set, 10 % anyone of the population.
        case mixed
        /// The cache off: every request reads the store.
        case misses

        var hotShare: Double {
            switch self {
            case .hits: 1
            case .mixed: 0.9
            case .misses: 0
            }
        }
    }

    struct Run {
        var scenario: Scenario
        var clients: Int
        var counts: BenchPersonalizeLoad.Counts
        var measurement: BenchMeasurement
        /// Answers served from the cache over requests the cache saw.
        var hitRatio: Double

        var requestsPerSecond: Double { Double(counts.requests) / max(measurement.wallSeconds, 1e-9) }
        var cpuMicrosPerRequest: Double { measurement.cpuSeconds * 1e6 / Double(max(1, counts.requests)) }

        /// The `q` quantile of the request latencies (1 = the maximum), in milliseconds.
        func latencyMilliseconds(_ q: Double) -> Double {
            let sorted = counts.latencies.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.down)))] * 1000
        }
    }

    var profiles: Int
    var hot: Int
    var cacheEntries: Int
    var seconds: Double
    /// The answer for the first person, as both servers gave it.
    var sample = ""
    var runs: [Run] = []

    var text: String {
        var lines = [
            "kontor bench personalize: \(BenchIngestReport.build), loopback, SQLite file store, "
                + "\(profiles) profiles, 20 segments; hot set \(hot), cache \(cacheEntries) entries; "
                + String(format: "%.0f s per run; server and clients in one process (CPU is both)", seconds),
            "sample answer: \(sample)",
            "scenario  clients  requests/s   p50 ms   p99 ms   max ms  cache hits  CPU µs/req  peak memory  failures",
        ]
        for run in runs {
            lines.append(
                run.scenario.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8d %11.0f %8.3f %8.3f %8.2f %10.1f%% %11.1f  ", run.clients, run.requestsPerSecond,
                        run.latencyMilliseconds(0.5), run.latencyMilliseconds(0.99), run.latencyMilliseconds(1),
                        run.hitRatio * 100, run.cpuMicrosPerRequest)
                    + BenchMeasurement.mebibytes(run.measurement.peakResidentBytes).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(format: " %9d", run.counts.failures))
            if let failure = run.counts.firstFailure { lines.append("  first failure: \(failure)") }
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "personalize", "build": BenchIngestReport.build, "profiles": profiles, "hot": hot,
            "cache_entries": cacheEntries, "seconds": seconds, "sample": sample,
            "runs": runs.map { run -> [String: Any] in
                [
                    "scenario": run.scenario.rawValue, "clients": run.clients, "requests": run.counts.requests,
                    "failures": run.counts.failures, "wall_seconds": run.measurement.wallSeconds,
                    "requests_per_second": run.requestsPerSecond, "p50_ms": run.latencyMilliseconds(0.5),
                    "p99_ms": run.latencyMilliseconds(0.99), "max_ms": run.latencyMilliseconds(1),
                    "cache_hit_ratio": run.hitRatio, "cpu_seconds": run.measurement.cpuSeconds,
                    "peak_resident_bytes": run.measurement.peakResidentBytes,
                ]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
