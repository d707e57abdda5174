import ArgumentParser

/// `kontor bench`: measures throughput, CPU time and peak memory of Kontor's hot paths
/// against loopback emulators. Benchmarks, not tests: results go to docs/benchmarks.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark and print its measurements.",
        subcommands: [
            BenchProfilesCommand.self,
            BenchSegmentsCommand.self,
            BenchPullCommand.self,
            BenchDeliverCommand.self,
            BenchIngestCommand.self,
            BenchPersonalizeCommand.self,
        ]
    )
}
