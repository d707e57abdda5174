import ArgumentParser
import Foundation
import KontorRuntime

/// `kontor status`: what the deployment has done and will do next: per source the
/// last run and the next scheduled one, per destination the queue and deliveries,
/// segment sizes, profiles, and the store. Reads only; safe while `kontor run` works.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show sources (last and next run), destinations (queue, deliveries), segments and the store.",
        discussion: """
            Reads the store named by connectors.yaml; safe to run while `kontor run` is working.
            --json prints the same document (StatusReport) the admin API serves.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        let workspace = try await Workspace.open(options)
        let report: StatusReport
        do {
            report = try await StatusReporter(deployment: workspace.deployment, store: workspace.store, clock: SystemClock())
                .report()
        } catch {
            await workspace.close()
            throw CommandFailure(message: "kontor: cannot read the status: \(error)")
        }
        await workspace.close()
        if json {
            let data = try StatusReport.encoder().encode(report)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(StatusText.render(report), terminator: "")
        }
    }
}
