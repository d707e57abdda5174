import ArgumentParser
import Foundation
import KontorHTTP
import KontorRuntime
import Logging
import ServiceLifecycle

/// `kontor demo`: the whole loop on one machine, without any account. Starts emulators
/// of a shop, a survey tool, an email tool, an ad platform and a website endpoint, writes
/// a demo `connectors.yaml`, runs the same services as `kontor run` against them, and
/// prints step by step what happened, until Ctrl-C or `--duration`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Kontor against emulated services with generated people, and show each step.",
        discussion: """
            Writes connectors.yaml and kontor.db into a fresh folder (a new temporary one unless --dir names \
            an empty folder or one with a previous demo), starts emulators on 127.0.0.1, and runs the daemon: \
            customers and orders are pulled, survey answers and pop-up sign-ups arrive, profiles merge, \
            segments fill, audiences are delivered and the personalisation API answers. \
            Stops cleanly on Ctrl-C (SIGINT), SIGTERM or after --duration seconds, with exit code 0.
            """
    )

    @Option(help: "Stop after this many seconds (default: run until Ctrl-C).")
    var duration: Int?

    @Option(help: "The folder to write the demo into (default: a new temporary folder).")
    var dir: String?

    @Option(help: "Listen address host:port of the server (default: 127.0.0.1:8080, or a free port when it is taken).")
    var listen: String?

    @Option(name: .long, help: "The Plugins folder (default: ./Plugins or the checkout kontor was built in).")
    var plugins: [String] = []

    @Option(help: "Log level of the services (stderr): trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func validate() throws {
        if let duration, duration < 1 { throw ValidationError("--duration must be at least 1 second.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Unknown log level '\(logLevel)'.") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kontor.demo")
        let pluginDirectory = try DemoPluginDirectory.find(requested: plugins, environment: ProcessInfo.processInfo.environment)
        let folder = try DemoFolder.prepare(dir)
        let address = DemoListenAddress.choose(listen)
        let emulators = try await DemoEmulators.start()
        let configuration = DemoConfiguration(emulators: emulators, listen: address, pluginDirectory: pluginDirectory)
        do {
            try folder.writeConfiguration(configuration.text())
            DemoOutput.line("Kontor demo in \(folder.path)")
            DemoOutput.line("  connectors.yaml: \(folder.configPath)")
            DemoOutput.line("  emulators: shop \(emulators.shop.baseURL.absoluteString), survey \(emulators.survey.baseURL.absoluteString), "
                + "email \(emulators.email.baseURL.absoluteString), ads \(emulators.ads.baseURL.absoluteString), "
                + "website \(emulators.website.baseURL.absoluteString)")
            DemoOutput.line(duration.map { "  stops after \($0) s, or on Ctrl-C\n" } ?? "  stops on Ctrl-C\n")
            try await DemoRun(folder: folder, emulators: emulators, address: address, duration: duration, logger: logger).run()
        } catch {
            await emulators.stop()
            throw error
        }
        await emulators.stop()
        DemoOutput.line("\nStopped. The demo's configuration and store stay in \(folder.path):")
        DemoOutput.line("  kontor status --config \(folder.configPath)")
        DemoOutput.line("  kontor profiles show EMAIL --config \(folder.configPath)")
    }
}
