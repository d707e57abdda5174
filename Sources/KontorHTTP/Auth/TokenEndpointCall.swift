import Foundation
import KontorCore

/// Sends a token or login request and reads its JSON answer; failures are
/// `AuthError`s naming the endpoint (without query) and the status, with the
/// body's start redacted.
struct TokenEndpointCall: Sendable {
    var transport: any HTTPTransport
    var timeout: Duration
    var secrets: [String]

    func json(_ request: HTTPRequestData, purpose: String) async throws(AuthError) -> JSONValue {
        let redactor = SecretRedactor(secrets: secrets)
        let endpoint = "\(request.method) \(RequestURL.withoutQuery(request.url))"
        let response: HTTPResponseData
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch {
            throw AuthError(redactor.redact("\(purpose) at \(endpoint) failed: \(error.kind.rawValue): \(error.detail)"))
        }
        guard (200...299).contains(response.status) else {
            let excerpt = redactor.redact(String(response.text.prefix(500)))
            throw AuthError("\(purpose) at \(endpoint) answered HTTP \(response.status): \(excerpt)")
        }
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)) else {
            throw AuthError("\(purpose) at \(endpoint) did not answer with JSON")
        }
        return body
    }
}
