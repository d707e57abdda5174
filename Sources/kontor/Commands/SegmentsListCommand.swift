import ArgumentParser
import Foundation
import KontorCore

/// `kontor segments list`: every configured segment with its current size.
struct SegmentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the segments of connectors.yaml with their current number of members.",
        discussion: "Sizes are those saved by the segment engine (`kontor run`, `kontor profiles build`)."
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() async throws {
        try await ProfilesWorkspace.with(options) { workspace in
            let (sizes, profiles) = try await workspace.store.profileRead { reader in
                (try reader.segmentSizes(), try reader.profileCount())
            }
            let segments = workspace.model.segments
            let names = segments.rules.map(\.name).sorted()
            if json {
                let list: [JSONValue] = names.map { name in
                    [
                        "name": .string(name), "members": .int(sizes[name] ?? 0),
                        "time_dependent": .bool(segments.timeDependentNames.contains(name)),
                        "where": .string(workspace.deployment.segments[name]?.whereRule ?? ""),
                    ]
                }
                print(JSONValue.object(["profiles": .int(profiles), "segments": .array(list)]).serialized(pretty: true))
                return
            }
            var table = TextTable(columns: ["SEGMENT", "MEMBERS", "TIME", "RULE"])
            for name in names {
                table.add([
                    name, String(sizes[name] ?? 0), segments.timeDependentNames.contains(name) ? "yes" : "",
                    workspace.deployment.segments[name]?.whereRule ?? "",
                ])
            }
            print(names.isEmpty ? "no segments in the configuration" : table.rendered(), terminator: names.isEmpty ? "\n" : "")
            print("\(profiles) profile(s)")
        }
    }
}
