import Foundation
import Hummingbird
import KontorCore
import Synchronization

/// Runs an API's endpoints behind its dialect: request log, fault plan, credential check,
/// rate limits, handler, API-wide headers, in that order.
public final class EmulatorHost: Sendable {
    public let dialect: any EmulatorDialect
    public let faults: FaultPlan
    public let log: RequestLog
    public let clock: any KontorClock
    /// The largest request body accepted (bytes).
    public let maximumBodySize: Int
    private let boundOrigin = Mutex<String?>(nil)

    /// `http://host:port` used in absolute links; set by the emulators once the server is bound
    /// (falls back to the request's `Host` header).
    public var origin: String? {
        get { boundOrigin.withLock { $0 } }
        set { boundOrigin.withLock { $0 = newValue } }
    }

    public init(
        dialect: any EmulatorDialect, faults: FaultPlan = FaultPlan(), log: RequestLog = RequestLog(),
        clock: (any KontorClock)? = nil, maximumBodySize: Int = 16 << 20
    ) {
        self.dialect = dialect
        self.faults = faults
        self.log = log
        self.clock = clock ?? WallClock()
        self.maximumBodySize = maximumBodySize
    }

    /// Starts a loopback server for `endpoints` and points absolute links at it.
    public func serve(_ endpoints: [EmulatorEndpoint], name: String) async throws -> EmulatorServer {
        let server = try await EmulatorServer.start(router: router(endpoints), name: name)
        origin = server.baseURL.absoluteString
        return server
    }

    /// A Hummingbird router serving `endpoints`.
    public func router(_ endpoints: [EmulatorEndpoint]) -> Router<BasicRequestContext> {
        let router = Router()
        for endpoint in endpoints {
            let names = endpoint.parameterNames
            router.on(RouterPath(endpoint.path), method: HTTPRequest.Method(endpoint.method) ?? .get) { request, context in
                var request = request
                let buffer = try await request.collectBody(upTo: self.maximumBodySize)
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                var parameters: [String: String] = [:]
                for name in names { parameters[name] = context.parameters.get(name) }
                let incoming = EmulatorRequest(
                    method: endpoint.method, path: request.uri.path, query: QueryParameters(raw: request.uri.query),
                    headers: headers, body: Array(buffer.readableBytesView), pathParameters: parameters,
                    receivedAt: self.clock.now,
                    origin: self.origin ?? "http://\(headers["host"] ?? "127.0.0.1")"
                )
                let target = request.uri.string
                let reply = try await self.respond(to: incoming, endpoint: endpoint, target: target)
                return Self.response(from: reply)
            }
        }
        return router
    }

    /// Answers `request` on `endpoint` exactly as the live server does (usable without a socket).
    public func respond(to request: EmulatorRequest, endpoint: EmulatorEndpoint, target: String? = nil) async throws -> EmulatorReply {
        let number = log.arrive()
        let fault = faults.fault(forEndpoint: endpoint.name)
        var throttled = false
        var reply: EmulatorReply
        switch fault {
        case .rateLimited:
            throttled = true
            reply = dialect.throttledReply(request, endpoint: endpoint.name)
        case .serverError(let status):
            reply = dialect.serverErrorReply(status: status, request: request)
        case .unauthorized:
            reply = dialect.unauthorizedReply(request)
        case .delay(let seconds):
            try await clock.sleep(for: seconds)
            (reply, throttled) = await serve(request, endpoint: endpoint)
        case .truncatedBody, nil:
            (reply, throttled) = await serve(request, endpoint: endpoint)
        }
        dialect.decorate(&reply, request: request, endpoint: endpoint.name)
        if fault == .truncatedBody { reply = reply.truncated() }
        log.record(
            LoggedRequest(
                number: number, method: request.method, target: target ?? request.path, endpoint: endpoint.name,
                status: reply.status, fault: fault, throttled: throttled
            )
        )
        return reply
    }

    private func serve(_ request: EmulatorRequest, endpoint: EmulatorEndpoint) async -> (EmulatorReply, Bool) {
        if let rejection = dialect.authenticate(request) { return (rejection, false) }
        let extraHeaders: [(String, String)]
        switch dialect.admit(request, endpoint: endpoint.name) {
        case .throttled(let reply):
            log.record(LimitViolation(.rate, endpoint: endpoint.name, detail: "request above the documented rate"))
            return (reply, true)
        case .admitted(let headers):
            extraHeaders = headers
        }
        var reply: EmulatorReply
        do {
            reply = try await endpoint.handler(request)
        } catch let rejection as EmulatorRejection {
            if let violation = rejection.violation { log.record(violation) }
            reply = rejection.reply
        } catch {
            reply = dialect.serverErrorReply(status: 500, request: request)
        }
        for (name, value) in extraHeaders { reply.addHeader(name, value) }
        return (reply, false)
    }

    private typealias Field = HTTPFields.Element

    static func response(from reply: EmulatorReply) -> Response {
        var fields = HTTPFields()
        for header in reply.headers {
            if let name = Field.Name(header.name) { fields.append(Field(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
        )
    }
}
