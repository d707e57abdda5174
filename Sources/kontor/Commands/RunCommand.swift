import ArgumentParser
import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorServer
import KontorStore
import Logging
import ServiceLifecycle

/// `kontor run`: the long-lived process. Serves HTTP, runs scheduled syncs,
/// builds profiles, evaluates segments, plans and delivers activations, until
/// SIGTERM or SIGINT, then stops cleanly (leases returned, queued writes flushed).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Kontor: server, scheduled syncs, profiles, segments and delivery, until SIGTERM/SIGINT.",
        discussion: """
            Services stop in reverse order on SIGTERM/SIGINT: the HTTP server first (no new requests),
            then delivery (leases returned), activation, segments, profiles and the scheduler.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Listen address host:port (overrides server.listen).")
    var listen: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = ProcessInfo.processInfo.environment["KONTOR_LOG_LEVEL"] ?? "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("Unknown log level '\(logLevel)'.")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kontor")
        let workspace = try await Workspace.open(options)
        let transport = AsyncHTTPTransport()
        let owner = LeaseOwner.current(role: "daemon").description
        do {
            let daemon = try await Daemon.compose(
                workspace: workspace, transport: transport, owner: owner, listen: listen, logger: logger)
            for line in daemon.summary { logger.notice("\(line)") }
            try await daemon.serviceGroup(logger: logger).run()
            let released = (try? await workspace.store.release(owner: owner)) ?? 0
            logger.notice("kontor stopped", metadata: ["kontor.released_jobs": "\(released)"])
        } catch {
            try? await transport.shutdown()
            await workspace.close()
            throw CommandFailure(message: "kontor: \(error)")
        }
        try? await transport.shutdown()
        await workspace.close()
    }
}
