import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wall time, CPU seconds (user + system) and peak resident memory of this process,
/// read from `getrusage`, for the `kontor bench` commands.
struct BenchMeasurement: Sendable {
    var wallSeconds: Double
    var cpuSeconds: Double
    /// The process's peak resident set size so far, in bytes (`ru_maxrss`).
    var peakResidentBytes: Int

    /// Starts a measurement; call `finish()` on the result when the work is done.
    static func start() -> Started { Started(wall: Date(), cpu: processCPUSeconds()) }

    struct Started: Sendable {
        let wall: Date
        let cpu: Double

        func finish() -> BenchMeasurement {
            BenchMeasurement(
                wallSeconds: Date().timeIntervalSince(wall),
                cpuSeconds: processCPUSeconds() - cpu,
                peakResidentBytes: peakResidentBytes())
        }
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // Linux reports kilobytes
    }

    /// "312.4 MiB"
    static func mebibytes(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
}
