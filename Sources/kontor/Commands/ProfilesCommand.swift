import ArgumentParser

/// `kontor profiles`: the single customer view, from the command line.
struct ProfilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Show, export, build and unmerge customer profiles.",
        discussion: """
            A profile is found by its id, an email address, or kind:value (user_id:u-1, phone:+4915112345678).
            """,
        subcommands: [
            ProfilesShowCommand.self,
            ProfilesExportCommand.self,
            ProfilesBuildCommand.self,
            ProfilesUnmergeCommand.self,
        ]
    )
}
