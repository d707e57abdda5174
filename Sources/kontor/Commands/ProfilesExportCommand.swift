import ArgumentParser
import Foundation

/// `kontor profiles export ID|EMAIL`: a data-subject access export.
struct ProfilesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything held about a person as JSON (a data-subject access request).",
        discussion: """
            Includes identities, traits with their sources, computed traits, the consent history, segment \
            memberships, merges, every event attributed to the person and the audit log entries about them.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "A profile id, an email address, or kind:value (e.g. user_id:u-1).")
    var profile: String

    @Option(name: .shortAndLong, help: "Write the export to this file instead of standard output.")
    var output: String?

    func run() async throws {
        try await ProfilesWorkspace.with(options) { workspace in try await export(workspace) }
    }

    private func export(_ workspace: ProfilesWorkspace) async throws {
        let dossier = try await ProfilesDossier.read(profile, from: workspace, withEvents: true)
        let text = try dossier.json(model: workspace.model, now: Date(), export: true).serialized(pretty: true) + "\n"
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(message: "kontor: cannot write '\(output)': \(error.localizedDescription)")
        }
        StandardError.write("exported profile \(dossier.profile.id) (\(dossier.events.count) events) to \(output)")
    }
}
