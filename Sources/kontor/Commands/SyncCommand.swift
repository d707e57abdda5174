import ArgumentParser
import Foundation
import KontorCore
import KontorHTTP
import KontorPostgres
import KontorRuntime
import KontorStore

/// `kontor sync SOURCE`: pulls one source now, page by page, each page
/// committed with its cursor, and records the run in the run history.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Pull a source now (all its streams, or the ones given).",
        discussion: """
            Prints progress (a live line on a terminal, plain lines otherwise) and a summary.
            Refused with a clear message while the same source is running elsewhere (the daemon, another node).
            Exits 1 when the run fails, with the request, status and response that failed.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The source name from connectors.yaml.")
    var source: String

    @Option(name: .long, help: "Pull only this stream (repeatable).")
    var stream: [String] = []

    @Flag(name: .long, help: "Forget the stored cursors and pull everything again.")
    var fullRefresh = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func run() async throws {
        let workspace = try await Workspace.open(options)
        let transport = AsyncHTTPTransport()
        do {
            try await sync(in: workspace, transport: transport)
            try? await transport.shutdown()
            await workspace.close()
        } catch {
            try? await transport.shutdown()
            await workspace.close()
            throw error
        }
    }

    private func sync(in workspace: Workspace, transport: AsyncHTTPTransport) async throws {
        let (config, plugin) = try workspace.source(source)
        let runner: SourcePull
        do {
            runner = try SourcePull(
                source: source, plugin: plugin, config: .object(config.config), store: workspace.store,
                transport: transport, clock: SystemClock(), baseURL: config.baseURL,
                secrets: Array(workspace.loaded.secrets), baseDirectory: URL(fileURLWithPath: workspace.folder),
                sqlDrivers: .builtIn)
        } catch {
            throw CommandFailure(message: "kontor: source '\(source)': \(error)")
        }
        let progress = SyncProgress(source: source, live: !json && isatty(STDERR_FILENO) != 0)
        let exclusive = ExclusiveRun(store: workspace.store, clock: SystemClock(), owner: Workspace.processOwner)
        // --stream wins; otherwise the source's `streams:` from connectors.yaml; otherwise every stream.
        let streams = stream.isEmpty ? config.streams : stream
        let full = fullRefresh
        do {
            let result = try await exclusive.run("source:\(source)") {
                try await runner.run(streams: streams, fullRefresh: full) { event in progress.show(event) }
            }
            progress.finish()
            for note in result.notes { StandardError.write("\(source): \(note)") }
            print(json ? SyncSummary.json(result.pull) : SyncSummary.text(result.pull))
        } catch let held as LeaseHeld {
            progress.finish()
            throw CommandFailure(message: "kontor: sync refused: \(held)")
        } catch {
            progress.finish()
            throw CommandFailure(message: "kontor: sync of '\(source)' failed: \(error)")
        }
    }
}
