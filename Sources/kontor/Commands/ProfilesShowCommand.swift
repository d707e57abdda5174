import ArgumentParser
import Foundation

/// `kontor profiles show ID|EMAIL [--json]`.
struct ProfilesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a profile: identities, traits, computed traits, consent, segments, merges.",
        discussion: "Exits 1 when no profile matches."
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "A profile id, an email address, or kind:value (e.g. user_id:u-1).")
    var profile: String

    @Flag(help: "Print the profile as JSON.")
    var json = false

    func run() async throws {
        try await ProfilesWorkspace.with(options) { workspace in try await show(workspace) }
    }

    private func show(_ workspace: ProfilesWorkspace) async throws {
        let dossier = try await ProfilesDossier.read(profile, from: workspace, withEvents: false)
        let now = Date()
        if json {
            print(try dossier.json(model: workspace.model, now: now, export: false).serialized(pretty: true))
        } else {
            print(ProfilesShowText(dossier: dossier, model: workspace.model, now: now).rendered(), terminator: "")
        }
    }
}
