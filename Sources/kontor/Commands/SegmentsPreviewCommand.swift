import ArgumentParser
import Foundation
import KontorCore

/// `kontor segments preview NAME [--limit N] [--where RULE]`: count and sample, nothing saved.
struct SegmentsPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Evaluate a segment's rule on every profile now and show the count and a sample, without saving.",
        discussion: """
            Uses the rule in connectors.yaml, or the one given with --where (for a rule being written; NAME \
            may then be a new name). Rule errors are reported with their position in the rule.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The segment's name.")
    var name: String

    @Option(help: "How many matching profiles to list.")
    var limit = 10

    @Option(name: .customLong("where"), help: "A rule to try instead of the configured one.")
    var rule: String?

    @Flag(help: "Print the preview as JSON.")
    var json = false

    func run() async throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative (got \(limit))") }
        let override = rule.map { (name: name, rule: $0) }
        try await ProfilesWorkspace.with(options, segmentOverride: override) { workspace in
            guard workspace.deployment.segments[name] != nil else {
                let names = workspace.deployment.segments.keys.sorted()
                let hint = NearestName.suggest(for: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
                throw CommandFailure(message: "kontor: unknown segment '\(name)'\(hint) (or give a rule with --where)")
            }
            let preview = try await workspace.engine().preview(name, limit: limit)
            if json {
                var object: [String: JSONValue] = [
                    "segment": .string(name), "evaluated": .int(preview.evaluated), "matching": .int(preview.matching),
                    "current_members": .int(preview.currentMembers), "failures": .int(preview.failures),
                    "sample": .array(preview.sample.map(JSONValue.string)),
                ]
                if let failure = preview.firstFailure { object["first_failure"] = .string(failure) }
                print(JSONValue.object(object).serialized(pretty: true))
                return
            }
            print("\(name): \(preview.matching) of \(preview.evaluated) profile(s) match (now \(preview.currentMembers) member(s) saved)")
            if preview.failures > 0 {
                print("the rule failed on \(preview.failures) profile(s), counted as not members; first: \(preview.firstFailure ?? "")")
            }
            for id in preview.sample { print("  \(id)") }
        }
    }
}
