import Foundation
import Hummingbird
import KontorCore
import KontorRuntime
import KontorServer
import KontorStore
import Logging
import ServiceLifecycle

/// The two servers `kontor bench ingest` loads, in this process on loopback: Kontor's
/// real ingest server over a SQLite file store, and a plain Hummingbird endpoint that
/// reads and parses the same JSON body and stores nothing (the ceiling: HTTP plus JSON).
struct BenchIngestServers {
    static let writeKey = "wk_bench_ingest"

    var kontorPort: Int
    var plainPort: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    static func start(store: any KontorStore, logger: Logger) async throws -> BenchIngestServers {
        let kontor = try KontorApplication(
            settings: ServerSettings(listen: "127.0.0.1:0", writeKeys: [writeKey]), store: store, clock: SystemClock(),
            logger: logger)
        let ports = PortWaiter()
        let kontorApp = Application(
            router: kontor.router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "kontor"),
            services: [kontor.writer], onServerRunning: { ports.found("kontor", $0.localAddress?.port) }, logger: logger)
        let plainApp = Application(
            router: plainRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "plain"),
            onServerRunning: { ports.found("plain", $0.localAddress?.port) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [kontorApp, plainApp], logger: logger))
        let running = Task {
            defer { ports.finish() }
            try await group.run()
        }
        let found = try await ports.wait(for: ["kontor", "plain"])
        return BenchIngestServers(kontorPort: found["kontor"] ?? 0, plainPort: found["plain"] ?? 0, group: group, running: running)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// `POST /v1/track` and `/v1/batch`: read the body, parse it as Kontor does, answer as Kontor does.
    static func plainRouter() -> Router<BasicRequestContext> {
        let router = Router()
        for path in ["v1/track", "v1/batch"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 600_000)
                guard case .object = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)) else {
                    return Response(status: .badRequest)
                }
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"success":true}"#)))
            }
        }
        return router
    }
}

/// Collects the ports servers report once they listen.
final class PortWaiter: Sendable {
    private let stream: AsyncStream<(String, Int?)>
    private let continuation: AsyncStream<(String, Int?)>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream()
    }

    func found(_ name: String, _ port: Int?) { continuation.yield((name, port)) }

    /// No more ports will come (the servers stopped).
    func finish() { continuation.finish() }

    func wait(for names: Set<String>) async throws -> [String: Int] {
        var ports: [String: Int] = [:]
        for await (name, port) in stream {
            guard let port else { throw BenchIngestFailure("the \(name) server reported no port") }
            ports[name] = port
            if Set(ports.keys) == names { return ports }
        }
        throw BenchIngestFailure("the servers stopped before listening: \(names.subtracting(ports.keys).sorted())")
    }
}

struct BenchIngestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
