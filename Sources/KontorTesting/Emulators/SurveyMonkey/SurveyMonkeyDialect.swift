import KontorCore
import Synchronization

/// SurveyMonkey's bearer auth, `{"error":{id,name,docs,message,http_status_code}}` bodies, and the
/// per-minute and per-day app limits with `X-Ratelimit-App-Global-*` headers.
final class SurveyMonkeyDialect: EmulatorDialect {
    let configuration: SurveyMonkeyConfiguration
    private let windows: Mutex<(minute: SlidingWindow, day: SlidingWindow)>

    init(configuration: SurveyMonkeyConfiguration) {
        self.configuration = configuration
        windows = Mutex((SlidingWindow(limit: configuration.perMinuteLimit, window: 60), SlidingWindow(limit: configuration.perDayLimit, window: 86_400)))
    }

    static func error(_ id: String, _ name: String, _ message: String, status: Int) -> EmulatorReply {
        .json(["error": [
            "id": .string(id), "name": .string(name), "docs": "https://developer.surveymonkey.com/api/v3/#error-codes",
            "message": .string(message), "http_status_code": .int(status),
        ]], status: status)
    }

    static func badRequest(_ message: String) -> EmulatorReply {
        error("1002", "Bad Request", message, status: 400)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.bearerToken == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("1011", "Authorization Error", "The authorization token provided was invalid.", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        Self.error("1040", "Rate limit reached", "Too many requests were made, try again later.", status: 429)
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("1050", "Internal Server Error", "Oh bananas! We couldn't process your request.", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let now = request.receivedAt
        let (minute, day) = windows.withLock { windows in
            let minute = windows.minute.take(at: now)
            let day = minute.admitted ? windows.day.take(at: now) : (admitted: true, remaining: 0, resetAfter: 0)
            return (minute, day)
        }
        let headers = [
            ("X-Ratelimit-App-Global-Minute-Limit", String(configuration.perMinuteLimit)),
            ("X-Ratelimit-App-Global-Minute-Remaining", String(minute.remaining)),
            ("X-Ratelimit-App-Global-Minute-Reset", String(Int(minute.resetAfter.rounded(.up)))),
            ("X-Ratelimit-App-Global-Day-Limit", String(configuration.perDayLimit)),
            ("X-Ratelimit-App-Global-Day-Remaining", String(day.remaining)),
            ("X-Ratelimit-App-Global-Day-Reset", String(Int(day.resetAfter.rounded(.up)))),
        ]
        guard minute.admitted, day.admitted else {
            var reply = throttledReply(request, endpoint: endpoint)
            for (name, value) in headers { reply.addHeader(name, value) }
            return .throttled(reply)
        }
        return .admitted(headers: headers)
    }
}
