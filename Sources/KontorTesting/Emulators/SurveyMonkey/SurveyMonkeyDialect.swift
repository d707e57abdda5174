import Foundation
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

    /// The 429, with the `X-Ratelimit-App-Global-*` headers as they stand (the minute's remaining set to 0).
    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        let (minute, day) = windows.withLock { ($0.minute.peek(at: request.receivedAt), $0.day.peek(at: request.receivedAt)) }
        return tooMany(headers(minute: (0, minute.resetAfter), day: day))
    }

    private func tooMany(_ headers: [(String, String)]) -> EmulatorReply {
        var reply = Self.error("1040", "Rate limit reached", "Too many requests were made, try again later.", status: 429)
        for (name, value) in headers { reply.addHeader(name, value) }
        return reply
    }

    private func headers(minute: (remaining: Int, resetAfter: TimeInterval), day: (remaining: Int, resetAfter: TimeInterval)) -> [(String, String)] {
        [
            ("X-Ratelimit-App-Global-Minute-Limit", String(configuration.perMinuteLimit)),
            ("X-Ratelimit-App-Global-Minute-Remaining", String(minute.remaining)),
            ("X-Ratelimit-App-Global-Minute-Reset", String(Int(minute.resetAfter.rounded(.up)))),
            ("X-Ratelimit-App-Global-Day-Limit", String(configuration.perDayLimit)),
            ("X-Ratelimit-App-Global-Day-Remaining", String(day.remaining)),
            ("X-Ratelimit-App-Global-Day-Reset", String(Int(day.resetAfter.rounded(.up)))),
        ]
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("1050", "Internal Server Error", "Oh bananas! We couldn't process your request.", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let now = request.receivedAt
        let (minute, day) = windows.withLock { windows in
            let minute = windows.minute.take(at: now)
            // A request refused for the minute does not count against the day (nor reads as the day's end).
            let peek = windows.day.peek(at: now)
            let day = minute.admitted ? windows.day.take(at: now) : (admitted: true, remaining: peek.remaining, resetAfter: peek.resetAfter)
            return (minute, day)
        }
        let headers = headers(minute: (minute.remaining, minute.resetAfter), day: (day.remaining, day.resetAfter))
        guard minute.admitted, day.admitted else { return .throttled(tooMany(headers)) }
        return .admitted(headers: headers)
    }
}
