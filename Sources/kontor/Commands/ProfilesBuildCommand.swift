import ArgumentParser
import Foundation
import KontorRuntime

/// `kontor profiles build`: process the event log now, then update segments.
struct ProfilesBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build profiles from the events not processed yet, then update segment memberships.",
        discussion: """
            Safe to interrupt: each batch of events commits together with the log position, so the next \
            run continues where this one stopped. `kontor run` does the same continuously.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Events per transaction.")
    var batchSize = 500

    @Flag(help: "Re-evaluate every segment on every profile (after changing a segment rule).")
    var allSegments = false

    @Flag(help: "Print the log position after each committed batch.")
    var progress = false

    /// For crash tests: after this many committed batches the process stops working and waits to
    /// be killed, so a test kills it at a known point whatever the machine's speed.
    @Option(help: .hidden)
    var holdAfterBatches: Int?

    func run() async throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize))") }
        try await ProfilesWorkspace.with(options) { workspace in
            let report = progress
            let hold = BatchHold(after: holdAfterBatches)
            let builder = ProfileBuilder(
                store: workspace.store, model: workspace.model, clock: SystemClock(), batchSize: batchSize,
                afterBatch: { batch in
                    if report { ProgressLine.write("position \(batch.position)") }
                    hold.committed()
                })
            let built = try await builder.catchUp()
            let engine = workspace.engine()
            var segments = try await engine.evaluateDirty()
            segments = segments.adding(try await (allSegments ? engine.evaluateAll() : engine.evaluateTimeDependent()))
            var line = "\(built.events) event(s) processed up to position \(built.position): \(built.created) profile(s) created, "
            line += "\(built.merges) merge(s), \(built.blockedMerges) blocked merge(s), \(built.unidentified) without identifiers"
            print(line)
            print("segments: \(segments.evaluated) evaluation(s), \(segments.entered) entered, \(segments.exited) exited")
            for (segment, count) in segments.failures.sorted(by: { $0.key < $1.key }) {
                StandardError.write("segment '\(segment)': the rule failed on \(count) profile(s) (counted as not members)")
            }
        }
    }
}

/// One line on stdout, written at once (a reader such as a test waits for it).
enum ProgressLine {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
