import Foundation
import KontorCore

/// Mailchimp's Basic auth (any user, the API key as password), RFC 7807 problem bodies, and the
/// cap of simultaneous connections (429 beyond it).
final class MailchimpDialect: EmulatorDialect {
    let configuration: MailchimpConfiguration
    let gate: ConcurrencyGate

    init(configuration: MailchimpConfiguration) {
        self.configuration = configuration
        gate = ConcurrencyGate(limit: configuration.maxConcurrentConnections)
    }

    /// `{"type","title","status","detail","instance","errors"?}` as `application/problem+json`.
    static func problem(_ title: String, status: Int, detail: String, errors: [JSONValue]? = nil) -> EmulatorReply {
        var body: [String: JSONValue] = [
            "type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": .string(title),
            "status": .int(status), "detail": .string(detail), "instance": .string(UUID().uuidString.lowercased()),
        ]
        if let errors { body["errors"] = .array(errors) }
        return EmulatorReply(status: status, headers: [("Content-Type", "application/problem+json; charset=utf-8")], body: JSONText.bytes(.object(body)))
    }

    static func notFound() -> EmulatorReply {
        problem("Resource Not Found", status: 404, detail: "The requested resource could not be found.")
    }

    static func invalid(_ detail: String, field: String? = nil, message: String? = nil) -> EmulatorReply {
        let errors: [JSONValue]? = field.map { [["field": .string($0), "message": .string(message ?? detail)]] }
        return problem("Invalid Resource", status: 400, detail: detail, errors: errors)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        if let basic = request.basicCredentials, basic.password == configuration.apiKey { return nil }
        if request.bearerToken == configuration.apiKey { return nil }
        return unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.problem("API Key Invalid", status: 401, detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter.")
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        var reply = Self.problem(
            "Too Many Requests", status: 429,
            detail: "You have exceeded the limit of \(configuration.maxConcurrentConnections) simultaneous connections."
        )
        if let seconds = configuration.retryAfterSeconds { reply.addHeader("Retry-After", String(seconds)) }
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.problem("Internal Server Error", status: status, detail: "An unexpected internal error has occurred. Please contact Support for more information.")
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        gate.enter() ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }
}
