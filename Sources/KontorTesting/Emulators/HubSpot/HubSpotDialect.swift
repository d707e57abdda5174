import Foundation
import KontorCore
import Synchronization

/// HubSpot's bearer auth, `{"status":"error",…}` bodies, and its rolling ten-secondly, daily and search limits.
final class HubSpotDialect: EmulatorDialect {
    enum Policy: String {
        case tenSecondlyRolling = "TEN_SECONDLY_ROLLING"
        case secondly = "SECONDLY"
        case daily = "DAILY"

        var message: String {
            switch self {
            case .tenSecondlyRolling: return "You have reached your ten_secondly_rolling limit."
            case .secondly: return "You have reached your secondly limit."
            case .daily: return "You have reached your daily limit."
            }
        }
    }

    let configuration: HubSpotConfiguration
    private let burst: Mutex<SlidingWindow>
    private let daily: Mutex<SlidingWindow>
    private let search: Mutex<SlidingWindow>

    init(configuration: HubSpotConfiguration) {
        self.configuration = configuration
        burst = Mutex(SlidingWindow(limit: configuration.tenSecondlyLimit, window: 10))
        daily = Mutex(SlidingWindow(limit: configuration.dailyLimit, window: 86_400))
        search = Mutex(SlidingWindow(limit: configuration.searchPerSecond, window: 1))
    }

    static func error(_ message: String, category: String, status: Int, extra: [String: JSONValue] = [:]) -> EmulatorReply {
        var body: [String: JSONValue] = [
            "status": "error", "message": .string(message), "category": .string(category),
            "correlationId": .string(UUID().uuidString.lowercased()),
        ]
        body.merge(extra) { $1 }
        return .json(.object(body), status: status)
    }

    static func validation(_ message: String) -> EmulatorReply {
        error(message, category: "VALIDATION_ERROR", status: 400)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.bearerToken == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error(
            "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            category: "INVALID_AUTHENTICATION", status: 401
        )
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        throttled(endpoint == "search" ? .secondly : .tenSecondlyRolling)
    }

    func throttled(_ policy: Policy) -> EmulatorReply {
        var reply = EmulatorReply.json([
            "status": "error", "message": .string(policy.message), "errorType": "RATE_LIMIT",
            "correlationId": .string(UUID().uuidString.lowercased()), "policyName": .string(policy.rawValue),
        ], status: 429)
        if let seconds = configuration.retryAfterSeconds { reply.addHeader("Retry-After", String(seconds)) }
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("internal error", category: "INTERNAL_ERROR", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let now = request.receivedAt
        if endpoint == "search" {
            // Search has its own per-second limit and sends no rate-limit headers (api_facts §3 [3P]).
            guard search.withLock({ $0.take(at: now).admitted }) else { return .throttled(throttled(.secondly)) }
            return .admitted(headers: [])
        }
        let day = daily.withLock { $0.take(at: now) }
        guard day.admitted else { return .throttled(throttled(.daily)) }
        let window = burst.withLock { $0.take(at: now) }
        guard window.admitted else { return .throttled(throttled(.tenSecondlyRolling)) }
        return .admitted(headers: [
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
            ("X-HubSpot-RateLimit-Max", String(configuration.tenSecondlyLimit)),
            ("X-HubSpot-RateLimit-Remaining", String(window.remaining)),
            ("X-HubSpot-RateLimit-Daily", String(configuration.dailyLimit)),
            ("X-HubSpot-RateLimit-Daily-Remaining", String(day.remaining)),
        ])
    }
}
