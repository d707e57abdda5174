import ArgumentParser
import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore

/// `kontor bench profiles`: identity resolution through the real `ProfileBuilder`
/// into a SQLite file store, over generated records with three identifiers each.
struct BenchProfilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Measure identity resolution: records/s, CPU seconds and peak memory of the profile builder.",
        discussion: """
            Appends --records generated messages (email, phone and customer id each, with overlaps, merges \
            and shared family addresses; see BenchProfilesRecords) to a new SQLite file store, then measures \
            `ProfileBuilder.catchUp()` over them: what `kontor profiles build` and `kontor run` do.
            """
    )

    @Option(help: "How many records to generate.")
    var records = 1_000_000

    @Option(help: "Events per builder transaction.")
    var batchSize = 500

    @Option(help: "The store file (default: a new file in a temporary folder, deleted afterwards).")
    var store: String?

    @Option(help: "Seed of the generated records.")
    var seed: UInt64 = 42

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        guard records > 0, batchSize > 0 else { throw ValidationError("--records and --batch-size must be at least 1") }
        let (path, cleanup) = try BenchStoreFile.prepare(store, name: "profiles")
        defer { cleanup() }
        let sqlite = try SQLiteStore.file(at: path)
        try await sqlite.migrate()
        let generator = BenchProfilesRecords(count: records, seed: seed)

        let appendStart = BenchMeasurement.start()
        var index = 0
        while index < records {
            let end = min(records, index + 5_000)
            _ = try await sqlite.append((index..<end).map(generator.message), source: "bench")
            index = end
        }
        let appended = appendStart.finish()
        BenchReport.progress("appended \(records) records in \(BenchReport.seconds(appended.wallSeconds))", quiet: json)

        let model = try ProfileModel(BenchProfilesRecords.deployment)
        let builder = ProfileBuilder(store: sqlite, model: model, clock: SystemClock(), batchSize: batchSize)
        let buildStart = BenchMeasurement.start()
        let summary = try await builder.catchUp()
        let built = buildStart.finish()
        let profiles = try await sqlite.profileRead { try $0.profileCount() }
        let info = try await sqlite.storeInfo()
        try await sqlite.close()

        let rate = Double(summary.events) / max(built.wallSeconds, 0.000_001)
        let report = BenchReport(title: "kontor bench profiles", rows: [
            ("records", "\(summary.events)", .int(summary.events)),
            ("people behind them", "\(generator.people)", .int(generator.people)),
            ("profiles (live)", "\(profiles)", .int(profiles)),
            ("created", "\(summary.created)", .int(summary.created)),
            ("attached", "\(summary.attached)", .int(summary.attached)),
            ("merges", "\(summary.merges) (\(summary.absorbed) absorbed)", .int(summary.merges)),
            ("blocked merges", "\(summary.blockedMerges)", .int(summary.blockedMerges)),
            ("batch size", "\(batchSize)", .int(batchSize)),
            ("append (not measured below)", BenchReport.seconds(appended.wallSeconds), .double(appended.wallSeconds)),
            ("build wall", BenchReport.seconds(built.wallSeconds), .double(built.wallSeconds)),
            ("build CPU", BenchReport.seconds(built.cpuSeconds), .double(built.cpuSeconds)),
            ("records/s", String(format: "%.0f", rate), .double(rate)),
            ("peak RSS (process)", BenchMeasurement.mebibytes(built.peakResidentBytes), .int(built.peakResidentBytes)),
            ("store size", BenchMeasurement.mebibytes(Int(info.sizeBytes ?? 0)), .int(Int(info.sizeBytes ?? 0))),
        ])
        report.print(json: json)
    }
}
