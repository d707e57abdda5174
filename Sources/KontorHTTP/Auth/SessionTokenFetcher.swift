import Foundation
import KontorCore

/// Logs in with a request (user and password from config) and takes the
/// session token from the answer at `tokenPath`.
///
/// ```yaml
/// auth: {type: session, login: {method: POST, path: login, body_json: {user: "{{ config.user }}"}},
///        token_path: [session, token], expires: 1h, use: {in: {header: Authorization}, prefix: "Token "}}
/// ```
public struct SessionTokenFetcher: TokenFetcher {
    public var login: HTTPRequestData
    public var tokenPath: FieldPath
    /// How long a token lives, when the plugin says.
    public var lifetime: TimeInterval?
    let call: TokenEndpointCall

    public init(
        login: HTTPRequestData, tokenPath: FieldPath, lifetime: TimeInterval?, secrets: [String],
        transport: any HTTPTransport, timeout: Duration = .seconds(30)
    ) {
        self.login = login
        self.tokenPath = tokenPath
        self.lifetime = lifetime
        call = TokenEndpointCall(transport: transport, timeout: timeout, secrets: secrets)
    }

    public var secrets: [String] { call.secrets }

    public func fetchToken(previous: IssuedToken?) async throws(AuthError) -> IssuedToken {
        let body = try await call.json(login, purpose: "session login")
        var value: JSONValue? = body
        for segment in tokenPath.segments {
            value = Int(segment).flatMap { value?[$0] } ?? value?[segment]
        }
        guard let value, let token = value.stringValue ?? value.intValue.map(String.init), !token.isEmpty else {
            throw AuthError("the login answer has no token at '\(tokenPath)'")
        }
        return IssuedToken(token: token, lifetime: lifetime)
    }
}
