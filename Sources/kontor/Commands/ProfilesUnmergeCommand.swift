import ArgumentParser
import Foundation
import KontorRuntime
import KontorStore

/// `kontor profiles unmerge MERGE_ID`.
struct ProfilesUnmergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmerge",
        abstract: "Undo a merge: restore the merged profiles and recompute their traits and segments.",
        discussion: """
            MERGE_ID is the number `kontor profiles show` prints as #12 under Merges. The profiles stay \
            apart afterwards: a later message carrying both sides' identifiers does not merge them again.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The merge to undo, e.g. 12.")
    var mergeID: String

    func run() async throws {
        guard let id = MergeID(mergeID) else {
            throw ValidationError("'\(mergeID)' is not a merge id; merge ids are positive numbers such as 12")
        }
        try await ProfilesWorkspace.with(options) { workspace in
            let summary: UnmergeSummary
            do {
                summary = try await workspace.builder().unmerge(id)
            } catch let error as StoreError {
                throw CommandFailure(message: "kontor: \(error.message)")
            }
            let segments = try await workspace.engine().evaluateDirty()
            print("merge \(id) undone:")
            for side in summary.sides {
                let identities = side.identities.map(\.description).joined(separator: ", ")
                print("  \(side.profile): \(identities) (\(side.messages) message(s))")
            }
            if summary.missingEvents > 0 {
                StandardError.write("warning: \(summary.missingEvents) event(s) were deleted by retention; their traits are gone")
            }
            print("segments: \(segments.entered) entered, \(segments.exited) exited")
        }
    }
}
