import Foundation
import KontorCore
import Synchronization

/// Graph API auth, `{"error":{message,type,code,error_subcode,fbtrace_id}}` bodies, and throttling as
/// Graph error 80003 (HTTP 400, not 429) with the `X-Business-Use-Case-Usage` header.
final class MetaAudienceDialect: EmulatorDialect {
    let configuration: MetaAudienceConfiguration
    private let window: Mutex<SlidingWindow>

    init(configuration: MetaAudienceConfiguration) {
        self.configuration = configuration
        window = Mutex(SlidingWindow(limit: configuration.callsPerHour, window: 3600))
    }

    static func error(_ message: String, type: String = "OAuthException", code: Int, status: Int, subcode: Int? = nil, transient: Bool = false) -> EmulatorReply {
        var body: [String: JSONValue] = [
            "message": .string(message), "type": .string(type), "code": .int(code), "is_transient": .bool(transient),
            "fbtrace_id": .string("A" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(22))),
        ]
        if let subcode { body["error_subcode"] = .int(subcode) }
        return .json(["error": .object(body)], status: status)
    }

    /// A `(#100)` invalid-parameter error.
    func invalid(_ message: String, subcode: Int? = nil) -> EmulatorReply {
        Self.error("(#100) \(message)", code: 100, status: configuration.errorStatus, subcode: subcode)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        let token = request.query["access_token"] ?? request.bearerToken ?? MetaAudienceParameters.bodyToken(request)
        return token == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("Invalid OAuth access token - Cannot parse access token", code: 190, status: configuration.errorStatus)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        var reply = Self.error(
            "There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
            code: 80003, status: configuration.errorStatus, subcode: 2_446_079, transient: true
        )
        reply.addHeader("X-Business-Use-Case-Usage", usage(percent: 100, regainMinutes: 5))
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("An unexpected error has occurred. Please retry your request later.", code: 2, status: status, transient: true)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let result = window.withLock { $0.take(at: request.receivedAt) }
        guard result.admitted else { return .throttled(throttledReply(request, endpoint: endpoint)) }
        let used = configuration.callsPerHour - result.remaining
        let percent = configuration.callsPerHour > 0 ? used * 100 / configuration.callsPerHour : 100
        return .admitted(headers: [("X-Business-Use-Case-Usage", usage(percent: percent, regainMinutes: 0))])
    }

    /// `{"<account>":[{"type":"custom_audience","call_count":p,"total_cputime":…,"total_time":…,"estimated_time_to_regain_access":m}]}`.
    func usage(percent: Int, regainMinutes: Int) -> String {
        let account = configuration.adAccountID.replacingOccurrences(of: "act_", with: "")
        return #"{"\#(account)":[{"type":"custom_audience","call_count":\#(percent),"total_cputime":\#(percent / 4),"total_time":\#(percent / 4),"estimated_time_to_regain_access":\#(regainMinutes)}]}"#
    }
}
