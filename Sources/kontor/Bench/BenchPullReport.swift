import Foundation
import KontorRuntime

/// The figures of one `kontor bench pull`, as text or JSON.
struct BenchPullReport {
    /// What the pull itself did and cost.
    struct Pull {
        var records: Int
        var messages: Int
        var pages: Int
        var measurement: BenchMeasurement

        init(result: PullResult, measurement: BenchMeasurement) {
            records = result.total.records
            messages = result.total.messages
            pages = result.total.pages
            self.measurement = measurement
        }
    }

    var records: Int
    var pageSize: Int
    var inProcess: Bool
    var pull: Pull
    var generationSeconds: Double
    var emulatorCPUSeconds: Double?
    var emulatorPeakBytes: Int?
    var storeBytes: Int

    var recordsPerSecond: Double {
        pull.measurement.wallSeconds > 0 ? Double(pull.records) / pull.measurement.wallSeconds : 0
    }

    var text: String {
        let m = pull.measurement
        var lines = [
            "kontor bench pull: \(records) customers, \(pageSize) per page, Shopify emulator on loopback "
                + (inProcess ? "(in this process: its work counts below)" : "(child process)") + ", SQLite file store",
            "  records      \(pull.records) (messages \(pull.messages), pages \(pull.pages))",
            "  wall         " + String(format: "%.1f s", m.wallSeconds),
            "  records/s    " + String(format: "%.0f", recordsPerSecond),
            "  CPU          " + String(format: "%.1f s (%.1f µs per record)", m.cpuSeconds, m.cpuSeconds * 1_000_000 / Double(max(1, pull.records))),
            "  peak memory  " + BenchMeasurement.mebibytes(m.peakResidentBytes) + (inProcess ? " (process, with the emulator's data)" : " (the pulling process)"),
            "  store        " + BenchMeasurement.mebibytes(storeBytes) + " SQLite file",
            "  emulator     " + String(format: "data generated in %.1f s", generationSeconds),
        ]
        if let cpu = emulatorCPUSeconds, let peak = emulatorPeakBytes {
            lines[lines.count - 1] += String(format: "; CPU %.1f s; peak memory ", cpu) + BenchMeasurement.mebibytes(peak)
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let m = pull.measurement
        var object: [String: Any] = [
            "benchmark": "pull", "records": records, "page_size": pageSize, "emulator_in_process": inProcess,
            "pulled_records": pull.records, "messages": pull.messages, "pages": pull.pages,
            "wall_seconds": m.wallSeconds, "records_per_second": recordsPerSecond, "cpu_seconds": m.cpuSeconds,
            "peak_resident_bytes": m.peakResidentBytes, "store_bytes": storeBytes, "emulator_generation_seconds": generationSeconds,
        ]
        if let cpu = emulatorCPUSeconds { object["emulator_cpu_seconds"] = cpu }
        if let peak = emulatorPeakBytes { object["emulator_peak_resident_bytes"] = peak }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
