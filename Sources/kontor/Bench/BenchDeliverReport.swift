import Foundation

/// What `kontor bench deliver` prints for one target.
struct BenchDeliverReport {
    var target: BenchDeliverTarget
    var members: Int
    var planned: Int
    var plan: BenchMeasurement
    var drain: BenchMeasurement
    var requests: Int
    /// Records delivered per second while draining.
    var throughput: Double
    var audience: Int
    var dead: Int
    var violations: Int

    var text: String {
        let share = throughput / target.ceilingPerSecond * 100
        return [
            "\(target.name) (\(target.plugin), batch \(target.batchSize), concurrency \(target.concurrency)):",
            "  plan:   \(planned) jobs in \(seconds(plan.wallSeconds)) wall, \(seconds(plan.cpuSeconds)) CPU",
            "  drain:  \(requests) requests in \(seconds(drain.wallSeconds)) wall, \(seconds(drain.cpuSeconds)) CPU",
            "  throughput: \(Int(throughput)) records/s = \(String(format: "%.1f", share)) % of the ceiling",
            "  ceiling: \(target.ceilingText)",
            "  audience: \(audience) of \(members), \(dead) dead, \(violations) limit violations",
            "  peak memory: \(BenchMeasurement.mebibytes(drain.peakResidentBytes))",
        ].joined(separator: "\n")
    }

    private func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
}
