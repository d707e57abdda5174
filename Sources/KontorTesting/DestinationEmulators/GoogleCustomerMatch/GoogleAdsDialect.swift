import Foundation
import KontorCore
import Synchronization

/// Google Ads REST: bearer token plus `developer-token` (and a digits-only `login-customer-id`),
/// `{"error":{code,message,status,details:[GoogleAdsFailure]}}` bodies, and quota errors as
/// 429 `RESOURCE_EXHAUSTED` with `retryDelay` in the body (no `Retry-After`).
final class GoogleAdsDialect: EmulatorDialect {
    let configuration: GoogleAdsConfiguration
    private let window: Mutex<SlidingWindow>

    init(configuration: GoogleAdsConfiguration) {
        self.configuration = configuration
        window = Mutex(SlidingWindow(limit: configuration.requestsPerMinute, window: 60))
    }

    /// One `GoogleAdsError`: `{"errorCode":{kind: code},"message","location"?}`.
    static func adsError(_ kind: String, _ code: String, _ message: String, path: [JSONValue]? = nil, details: JSONValue? = nil) -> JSONValue {
        var error: [String: JSONValue] = ["errorCode": .object([kind: .string(code)]), "message": .string(message)]
        if let path { error["location"] = ["fieldPathElements": .array(path)] }
        if let details { error["details"] = details }
        return .object(error)
    }

    static func failure(_ errors: [JSONValue]) -> JSONValue {
        [
            "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure", "errors": .array(errors),
            "requestId": .string(String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(22))),
        ]
    }

    static func reply(status: Int, rpcStatus: String, message: String, errors: [JSONValue]) -> EmulatorReply {
        .json(["error": ["code": .int(status), "message": .string(message), "status": .string(rpcStatus), "details": [failure(errors)]]], status: status)
    }

    static func invalid(_ kind: String, _ code: String, _ message: String, path: [JSONValue]? = nil) -> EmulatorReply {
        reply(status: 400, rpcStatus: "INVALID_ARGUMENT", message: "Request contains an invalid argument.", errors: [adsError(kind, code, message, path: path)])
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        if request.path == GoogleOAuthToken.path { return nil }    // the token endpoint checks its own form
        guard request.bearerToken == configuration.accessToken else { return unauthorizedReply(request) }
        guard let developer = request.header("developer-token") else {
            return Self.reply(status: 401, rpcStatus: "UNAUTHENTICATED", message: "The developer token is missing.",
                              errors: [Self.adsError("authenticationError", "DEVELOPER_TOKEN_PARAMETER_MISSING", "The developer token parameter is missing.")])
        }
        guard developer == configuration.developerToken else {
            return Self.reply(status: 403, rpcStatus: "PERMISSION_DENIED", message: "The caller does not have permission",
                              errors: [Self.adsError("authorizationError", "DEVELOPER_TOKEN_NOT_APPROVED", "The developer token is not approved.")])
        }
        if let login = request.header("login-customer-id"), !login.isEmpty, !login.allSatisfy(\.isNumber) {
            return Self.invalid("authenticationError", "LOGIN_CUSTOMER_ID_PARAMETER_MISSING", "login-customer-id must hold digits only, got '\(login)'.")
        }
        return nil
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.reply(status: 401, rpcStatus: "UNAUTHENTICATED",
                   message: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
                   errors: [Self.adsError("authenticationError", "OAUTH_TOKEN_INVALID", "Oauth token is invalid.")])
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        let delay = configuration.retryDelaySeconds
        let details: JSONValue = ["quotaErrorDetails": ["rateScope": "DEVELOPER", "rateName": "Number of operations for basic access", "retryDelay": .string("\(delay)s")]]
        return Self.reply(status: 429, rpcStatus: "RESOURCE_EXHAUSTED", message: "Resource has been exhausted (e.g. check quota).",
                          errors: [Self.adsError("quotaError", "RESOURCE_EXHAUSTED", "Too many requests. Retry in \(delay) seconds.", details: details)])
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.reply(status: status, rpcStatus: status == 503 ? "UNAVAILABLE" : "INTERNAL", message: "Internal error encountered.",
                   errors: [Self.adsError("internalError", "INTERNAL_ERROR", "An internal error has occurred.")])
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        if request.path == GoogleOAuthToken.path { return .admitted(headers: []) }
        return window.withLock { $0.take(at: request.receivedAt).admitted } ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }
}
