import Foundation
import KontorCore
import Synchronization

/// Klaviyo's `Klaviyo-API-Key` auth, JSON:API `{"errors":[…]}` bodies, and fixed burst (1 s) and
/// steady (1 min) windows per endpoint: `RateLimit-*` headers, 429 with an integer `Retry-After`.
final class KlaviyoDialect: EmulatorDialect {
    let configuration: KlaviyoConfiguration
    private let windows = Mutex<[String: (burst: SlidingWindow, steady: SlidingWindow)]>([:])

    init(configuration: KlaviyoConfiguration) {
        self.configuration = configuration
    }

    static func errors(status: Int, code: String, title: String, detail: String, pointer: String? = nil, parameter: String? = nil) -> EmulatorReply {
        var source: [String: JSONValue] = [:]
        if let pointer { source["pointer"] = .string(pointer) }
        if let parameter { source["parameter"] = .string(parameter) }
        let error: JSONValue = [
            "id": .string(UUID().uuidString.lowercased()), "status": .int(status), "code": .string(code),
            "title": .string(title), "detail": .string(detail), "source": .object(source),
        ]
        return EmulatorReply(status: status, headers: [("Content-Type", "application/vnd.api+json")], body: JSONText.bytes(["errors": [error]]))
    }

    static func invalid(_ detail: String, pointer: String? = nil, parameter: String? = nil) -> EmulatorReply {
        errors(status: 400, code: "invalid", title: "Invalid input.", detail: detail, pointer: pointer, parameter: parameter)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.header("authorization") == "Klaviyo-API-Key \(configuration.apiKey)" ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.errors(status: 401, code: "not_authenticated", title: "Authentication credentials were not provided.", detail: "Missing or invalid private key.")
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        throttled(retryAfter: 1)
    }

    func throttled(retryAfter seconds: Int) -> EmulatorReply {
        var reply = Self.errors(
            status: 429, code: "throttled", title: "Request was throttled.",
            detail: "Request was throttled. Expected available in \(seconds) second\(seconds == 1 ? "" : "s")."
        )
        reply.addHeader("Retry-After", String(seconds))
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.errors(status: status, code: "error", title: "A server error occurred.", detail: "A server error occurred.")
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let now = request.receivedAt
        let outcome = windows.withLock { windows -> (Bool, Int, TimeInterval) in
            var pair = windows[endpoint] ?? (SlidingWindow(limit: configuration.burstPerSecond, window: 1), SlidingWindow(limit: configuration.steadyPerMinute, window: 60))
            defer { windows[endpoint] = pair }
            var steadyProbe = pair.steady
            let steady = steadyProbe.take(at: now)
            guard steady.admitted else { return (false, 0, steady.resetAfter) }
            let burst = pair.burst.take(at: now)
            guard burst.admitted else { return (false, 0, burst.resetAfter) }
            pair.steady = steadyProbe
            return (true, min(burst.remaining, steady.remaining), burst.resetAfter)
        }
        guard outcome.0 else { return .throttled(throttled(retryAfter: max(1, Int(outcome.2.rounded(.up))))) }
        return .admitted(headers: [
            ("RateLimit-Limit", String(configuration.burstPerSecond)), ("RateLimit-Remaining", String(outcome.1)),
            ("RateLimit-Reset", String(max(1, Int(outcome.2.rounded(.up))))),
        ])
    }
}
