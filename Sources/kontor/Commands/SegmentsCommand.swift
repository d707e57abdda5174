import ArgumentParser

/// `kontor segments`: segment sizes and rule previews.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "List segments with their sizes, or preview a rule without saving.",
        subcommands: [SegmentsListCommand.self, SegmentsPreviewCommand.self]
    )
}
