import ArgumentParser
import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting

/// `kontor bench segments`: the segment engine over a SQLite file store of
/// generated profiles: a full evaluation of every segment on every profile, and
/// the incremental pass after a share of the profiles changed.
struct BenchSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Measure segment evaluation: full (every profile × every segment) and incremental (dirty profiles).",
        discussion: """
            Writes --profiles generated profiles (see BenchSegmentsPopulation: traits, orders, consent, \
            identities) straight into a new SQLite file store, then measures SegmentEngine.evaluateAll() \
            (the first pass writes every membership; the second finds no change) and, after --changed \
            of the profiles got a new order, SegmentEngine.evaluateDirty().
            """
    )

    @Option(help: "How many profiles to generate.")
    var profiles = 1_000_000

    @Option(help: "The share of profiles that change before the incremental pass.")
    var changed = 0.01

    @Option(help: "Profiles per segment-engine transaction.")
    var batchSize = 500

    @Option(help: "The store file (default: a new file in a temporary folder, deleted afterwards).")
    var store: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        guard profiles > 0, batchSize > 0, changed > 0, changed <= 1 else {
            throw ValidationError("--profiles and --batch-size must be at least 1, --changed in (0, 1]")
        }
        let (path, cleanup) = try BenchStoreFile.prepare(store, name: "segments")
        defer { cleanup() }
        let sqlite = try SQLiteStore.file(at: path)
        try await sqlite.migrate()
        let model = try ProfileModel(BenchSegmentsPopulation.deployment)
        let population = BenchSegmentsPopulation(count: profiles)

        let writeStart = BenchMeasurement.start()
        try await write(population, model: model, into: sqlite)
        BenchReport.progress(
            "wrote \(profiles) profiles in \(BenchReport.seconds(writeStart.finish().wallSeconds))", quiet: json)

        let engine = SegmentEngine(
            store: sqlite, model: model, clock: ManualClock(now: BenchSegmentsPopulation.now), batchSize: batchSize)
        let firstStart = BenchMeasurement.start()
        let first = try await engine.evaluateAll()
        let firstPass = firstStart.finish()
        let secondStart = BenchMeasurement.start()
        let second = try await engine.evaluateAll()
        let secondPass = secondStart.finish()

        let step = max(1, Int((1 / changed).rounded()))
        let touched = try await touch(every: step, of: population, model: model, in: sqlite)
        let dirtyStart = BenchMeasurement.start()
        let dirty = try await engine.evaluateDirty()
        let dirtyPass = dirtyStart.finish()
        let sizes = try await sqlite.profileRead { try $0.segmentSizes() }
        try await sqlite.close()

        let evaluations = first.evaluated * model.segments.rules.count
        BenchReport(title: "kontor bench segments", rows: [
            ("profiles", "\(profiles)", .int(profiles)),
            ("segments", "\(model.segments.rules.count)", .int(model.segments.rules.count)),
            ("memberships", "\(sizes.values.reduce(0, +))", .int(sizes.values.reduce(0, +))),
            ("full pass (writes all memberships)", BenchReport.seconds(firstPass.wallSeconds), .double(firstPass.wallSeconds)),
            ("full pass CPU", BenchReport.seconds(firstPass.cpuSeconds), .double(firstPass.cpuSeconds)),
            ("rule evaluations/s", String(format: "%.0f", Double(evaluations) / max(firstPass.wallSeconds, 1e-6)),
             .double(Double(evaluations) / max(firstPass.wallSeconds, 1e-6))),
            ("entered", "\(first.entered)", .int(first.entered)),
            ("full pass again (no change)", BenchReport.seconds(secondPass.wallSeconds), .double(secondPass.wallSeconds)),
            ("changes in the second pass", "\(second.entered + second.exited)", .int(second.entered + second.exited)),
            ("changed profiles", "\(touched)", .int(touched)),
            ("incremental pass", BenchReport.seconds(dirtyPass.wallSeconds), .double(dirtyPass.wallSeconds)),
            ("incremental pass CPU", BenchReport.seconds(dirtyPass.cpuSeconds), .double(dirtyPass.cpuSeconds)),
            ("incremental entered/exited", "\(dirty.entered)/\(dirty.exited)", .int(dirty.entered + dirty.exited)),
            ("peak RSS (process)", BenchMeasurement.mebibytes(dirtyPass.peakResidentBytes), .int(dirtyPass.peakResidentBytes)),
        ]).print(json: json)
    }

    /// Writes the population in transactions of 2,000 profiles, clean (not dirty).
    private func write(_ population: BenchSegmentsPopulation, model: ProfileModel, into store: SQLiteStore) async throws {
        let traits = model.traits
        var start = 0
        while start < population.count {
            let range = start..<min(population.count, start + 2_000)
            let batch = range.map { index in
                var profile = population.profile(index, traits: traits)
                profile.computedValues = model.computedValues(profile.computed, at: BenchSegmentsPopulation.now)
                return profile
            }
            try await store.profileTransaction { tx in
                for profile in batch {
                    try tx.saveProfile(profile)
                    try tx.assign(profile.identities, to: profile.id)
                }
            }
            start = range.upperBound
        }
    }

    /// Gives every `step`-th profile a new order and marks it dirty; returns how many.
    private func touch(every step: Int, of population: BenchSegmentsPopulation, model: ProfileModel, in store: SQLiteStore)
        async throws -> Int
    {
        let indices = Array(stride(from: 0, to: population.count, by: step))
        let traits = model.traits
        for chunk in stride(from: 0, to: indices.count, by: 2_000) {
            let part = Array(indices[chunk..<min(indices.count, chunk + 2_000)])
            try await store.profileTransaction { tx in
                for index in part {
                    guard var profile = try tx.profile(BenchSegmentsPopulation.id(index)) else { continue }
                    var random = SeededRandom(seed: 99, index: index)
                    population.add(order: "\(profile.id)-new", to: &profile, traits: traits, random: &random)
                    profile.computedValues = model.computedValues(profile.computed, at: BenchSegmentsPopulation.now)
                    profile.isDirty = true
                    try tx.saveProfile(profile)
                }
            }
        }
        return indices.count
    }
}
