import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A Hummingbird application serving one emulated API on `127.0.0.1` with an OS-assigned port.
///
/// The server runs in a background task until ``stop()``; tests and `kontor demo` point their
/// connectors at ``baseURL``.
///
/// ```swift
/// let server = try await EmulatorServer.start(router: router, name: "shopify")
/// defer { Task { await server.stop() } }
/// print(server.baseURL)   // http://127.0.0.1:53122
/// ```
public final class EmulatorServer: Sendable {
    /// The bound TCP port (never 0 once started).
    public let port: Int
    /// `http://127.0.0.1:<port>` with no trailing slash.
    public let baseURL: URL
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, baseURL: URL, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = baseURL
        self.group = group
        self.task = task
    }

    /// Starts `router` on loopback and returns once the socket is bound.
    ///
    /// - Throws: ``EmulatorError/serverDidNotStart(_:)`` when the server could not bind.
    public static func start(
        router: Router<BasicRequestContext>,
        name: String,
        logLevel: Logger.Level = .warning
    ) async throws -> EmulatorServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "kontor.emulator.\(name)")
        logger.logLevel = logLevel
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "kontor-emulator-\(name)"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task<Void, any Error> {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0, let url = URL(string: "http://127.0.0.1:\(port)") else {
            task.cancel()
            let outcome = await task.result
            if case .failure(let error) = outcome { throw EmulatorError.serverDidNotStart("\(error)") }
            throw EmulatorError.serverDidNotStart("no port was bound")
        }
        return EmulatorServer(port: port, baseURL: url, group: group, task: task)
    }

    /// Stops the server gracefully (open requests finish, idle connections close) and waits until
    /// the socket is closed. Calling it twice is harmless.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
