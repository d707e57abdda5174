import Foundation
import KontorCore
import Synchronization

/// Brevo's `api-key` header, `{"code","message"}` errors, and a per-endpoint window with the
/// `x-sib-ratelimit-limit/-remaining/-reset` headers (429 beyond it).
final class BrevoDialect: EmulatorDialect {
    let configuration: BrevoConfiguration
    private let windows = Mutex<[String: SlidingWindow]>([:])

    init(configuration: BrevoConfiguration) {
        self.configuration = configuration
    }

    static func error(_ code: String, _ message: String, status: Int) -> EmulatorReply {
        .json(["code": .string(code), "message": .string(message)], status: status)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.header("api-key") == configuration.apiKey ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("unauthorized", "Key not found", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        throttled(reset: 1)
    }

    func throttled(reset: Int) -> EmulatorReply {
        var reply = Self.error("too_many_requests", "The expected rate limit is exceeded.", status: 429)
        reply.addHeader("x-sib-ratelimit-limit", String(configuration.requestsPerSecond))
        reply.addHeader("x-sib-ratelimit-remaining", "0")
        reply.addHeader("x-sib-ratelimit-reset", String(reset))
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("internal_error", "Internal server error", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let result = windows.withLock { windows in
            var window = windows[endpoint] ?? SlidingWindow(limit: configuration.requestsPerSecond, window: 1)
            defer { windows[endpoint] = window }
            return window.take(at: request.receivedAt)
        }
        let reset = max(1, Int(result.resetAfter.rounded(.up)))
        guard result.admitted else { return .throttled(throttled(reset: reset)) }
        return .admitted(headers: [
            ("x-sib-ratelimit-limit", String(configuration.requestsPerSecond)),
            ("x-sib-ratelimit-remaining", String(result.remaining)), ("x-sib-ratelimit-reset", String(reset)),
        ])
    }
}
