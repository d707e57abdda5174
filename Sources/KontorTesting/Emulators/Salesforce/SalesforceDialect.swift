import KontorCore
import Synchronization

/// Salesforce's bearer auth, error bodies as JSON **arrays**, and the daily API allowance in `Sforce-Limit-Info`.
final class SalesforceDialect: EmulatorDialect {
    let configuration: SalesforceConfiguration
    private let used = Mutex(0)

    init(configuration: SalesforceConfiguration) {
        self.configuration = configuration
    }

    /// `[{"message": …, "errorCode": …}]` with `status`.
    static func error(_ code: String, _ message: String, status: Int) -> EmulatorReply {
        .json([["message": .string(message), "errorCode": .string(code)]], status: status)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        // The token endpoint checks the client and refresh token itself.
        if request.path.hasSuffix("/services/oauth2/token") { return nil }
        return request.bearerToken == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("INVALID_SESSION_ID", "Session expired or invalid", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        Self.error("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", status: 403)
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        if endpoint == "oauth_token" { return .admitted(headers: []) }
        let count = used.withLock { used -> Int in
            used += 1
            return used
        }
        guard count <= configuration.dailyRequestLimit else { return .throttled(throttledReply(request, endpoint: endpoint)) }
        return .admitted(headers: [("Sforce-Limit-Info", "api-usage=\(count)/\(configuration.dailyRequestLimit)")])
    }
}
