import KontorCore
import Synchronization

/// Typeform's bearer auth, `{"code","description"}` error bodies and its per-second limit.
final class TypeformDialect: EmulatorDialect {
    let configuration: TypeformConfiguration
    private let window: Mutex<SlidingWindow>

    init(configuration: TypeformConfiguration) {
        self.configuration = configuration
        window = Mutex(SlidingWindow(limit: configuration.requestsPerSecond, window: 1))
    }

    static func error(_ code: String, _ description: String, status: Int, details: [JSONValue] = []) -> EmulatorReply {
        var body: [String: JSONValue] = ["code": .string(code), "description": .string(description)]
        if !details.isEmpty { body["details"] = .array(details) }
        return .json(.object(body), status: status)
    }

    static func invalid(_ field: String, _ description: String) -> EmulatorReply {
        error("VALIDATION_ERROR", "The request is invalid", status: 400, details: [[
            "code": "INVALID_PARAMETER", "description": .string(description), "field": .string(field), "in": "query",
        ]])
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.bearerToken == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("AUTHENTICATION_FAILED", "Authentication credentials not found on the Request Headers", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        Self.error("RATE_LIMIT_EXCEEDED", "Rate limit exceeded", status: 429)
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("INTERNAL_SERVER_ERROR", "Internal server error", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        window.withLock { $0.take(at: request.receivedAt).admitted } ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }
}
