import Foundation
import KontorCore
import Synchronization

/// Graph API auth (`access_token` or bearer), `{"error":{message,type,code,fbtrace_id}}` bodies,
/// throttling as Graph error codes rather than 429, and the `X-App-Usage` header.
final class MetaLeadAdsDialect: EmulatorDialect {
    let configuration: MetaLeadAdsConfiguration
    private let window: Mutex<SlidingWindow>

    init(configuration: MetaLeadAdsConfiguration) {
        self.configuration = configuration
        window = Mutex(SlidingWindow(limit: configuration.callsPerHour, window: 3600))
    }

    static func error(_ message: String, type: String, code: Int, status: Int, subcode: Int? = nil, transient: Bool? = nil) -> EmulatorReply {
        var body: [String: JSONValue] = [
            "message": .string(message), "type": .string(type), "code": .int(code),
            "fbtrace_id": .string("A" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(22))),
        ]
        if let subcode { body["error_subcode"] = .int(subcode) }
        if let transient { body["is_transient"] = .bool(transient) }
        return .json(["error": .object(body)], status: status)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        (request.query["access_token"] ?? request.bearerToken) == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        var reply = Self.error("Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190, status: configuration.errorStatus)
        reply.addHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - Cannot parse access token\"")
        return reply
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        let message: String
        switch configuration.throttleCode {
        case 17: message = "(#17) User request limit reached"
        case 32: message = "(#32) Page request limit reached"
        case 613: message = "(#613) Calls to this api have exceeded the rate limit."
        default: message = "(#\(configuration.throttleCode)) Application request limit reached"
        }
        var reply = Self.error(message, type: "OAuthException", code: configuration.throttleCode, status: configuration.errorStatus, transient: true)
        reply.addHeader("X-App-Usage", #"{"call_count":100,"total_cputime":25,"total_time":25}"#)
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("An unexpected error has occurred. Please retry your request later.", type: "OAuthException", code: 2, status: status, transient: true)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let result = window.withLock { $0.take(at: request.receivedAt) }
        guard result.admitted else { return .throttled(throttledReply(request, endpoint: endpoint)) }
        let used = configuration.callsPerHour - result.remaining
        let percent = configuration.callsPerHour > 0 ? used * 100 / configuration.callsPerHour : 100
        return .admitted(headers: [("X-App-Usage", #"{"call_count":\#(percent),"total_cputime":\#(percent / 4),"total_time":\#(percent / 4)}"#)])
    }
}
