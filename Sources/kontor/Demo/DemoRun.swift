import Foundation
import KontorHTTP
import KontorRuntime
import Logging
import ServiceLifecycle

/// Runs the daemon of `kontor run` in-process on the demo's configuration, next to
/// the ``DemoScript``, until SIGINT/SIGTERM or the end of `duration`; then prints the
/// summary, returns leases and closes the store.
struct DemoRun {
    var folder: DemoFolder
    var emulators: DemoEmulators
    var address: String
    var duration: Int?
    var logger: Logger

    func run() async throws {
        let workspace = try await Workspace.open(try ConfigOptions.parse(["--config", folder.configPath]))
        let transport = AsyncHTTPTransport()
        let owner = LeaseOwner.current(role: "demo").description
        do {
            let daemon = try await Daemon.compose(
                workspace: workspace, transport: transport, owner: owner, listen: address, logger: logger)
            let group = daemon.serviceGroup(logger: logger)
            let server = DemoServer(baseURL: "http://\(address)", transport: transport)
            let script = DemoScript(
                server: server, emulators: emulators, store: workspace.store,
                segments: workspace.deployment.segments.keys.sorted())
            try await Self.run(group, alongside: script, duration: duration)
            await script.finish()
            _ = try? await workspace.store.release(owner: owner)
        } catch {
            try? await transport.shutdown()
            await workspace.close()
            throw CommandFailure(message: "kontor demo: \(error)")
        }
        try? await transport.shutdown()
        await workspace.close()
    }

    /// Runs `group` until it stops (a signal, or the timer), with `script` beside it; the
    /// script is cancelled once the group has stopped.
    private static func run(_ group: ServiceGroup, alongside script: DemoScript, duration: Int?) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            tasks.addTask {
                await script.run()
                return false
            }
            if let duration {
                tasks.addTask {
                    try? await Task.sleep(for: .seconds(duration))
                    if !Task.isCancelled { await group.triggerGracefulShutdown() }
                    return false
                }
            }
            while let groupEnded = try await tasks.next() {
                if groupEnded { tasks.cancelAll() }
            }
        }
    }
}
