import Foundation
import KontorCore

/// Fetches OAuth 2 access tokens from a token endpoint with the
/// `refresh_token` or `client_credentials` grant (form-encoded, client id and
/// secret in the body, as most APIs accept).
///
/// ```swift
/// let fetcher = OAuth2TokenFetcher(tokenURL: "https://api.test/oauth/token", clientID: "id", clientSecret: "s",
///                                  grant: .refreshToken("r"), transport: transport)
/// ```
public struct OAuth2TokenFetcher: TokenFetcher {
    /// The grant used to obtain tokens.
    public enum Grant: Sendable, Hashable {
        case refreshToken(String, grantType: String = "refresh_token")
        case clientCredentials
    }

    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    public var grant: Grant
    public var scopes: [String]
    public var tokenField: String
    public var expiresField: String
    let call: TokenEndpointCall

    public init(
        tokenURL: String, clientID: String, clientSecret: String, grant: Grant, scopes: [String] = [],
        tokenField: String = "access_token", expiresField: String = "expires_in",
        transport: any HTTPTransport, timeout: Duration = .seconds(30)
    ) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.grant = grant
        self.scopes = scopes
        self.tokenField = tokenField
        self.expiresField = expiresField
        var secrets = [clientSecret]
        if case .refreshToken(let token, _) = grant { secrets.append(token) }
        call = TokenEndpointCall(transport: transport, timeout: timeout, secrets: secrets)
    }

    public var secrets: [String] { call.secrets }

    public func fetchToken(previous: IssuedToken?) async throws(AuthError) -> IssuedToken {
        var form: [QueryItem]
        switch grant {
        case .refreshToken(let configured, let grantType):
            form = [QueryItem("grant_type", grantType), QueryItem("refresh_token", previous?.refreshToken ?? configured)]
        case .clientCredentials:
            form = [QueryItem("grant_type", "client_credentials")]
        }
        form += [QueryItem("client_id", clientID), QueryItem("client_secret", clientSecret)]
        if !scopes.isEmpty { form.append(QueryItem("scope", scopes.joined(separator: " "))) }
        let draft = RequestDraft(method: "POST", url: tokenURL, headers: [HTTPHeader("Accept", "application/json")], bodyForm: form)
        let request: HTTPRequestData
        do {
            request = try draft.build()
        } catch {
            throw AuthError("token_url: \(error.message)")
        }
        let body = try await call.json(request, purpose: "OAuth token request")
        guard let token = body[tokenField]?.stringValue, !token.isEmpty else {
            throw AuthError("the token endpoint's answer has no '\(tokenField)'")
        }
        let lifetime = body[expiresField].flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
        return IssuedToken(token: token, lifetime: lifetime, refreshToken: body["refresh_token"]?.stringValue)
    }
}
