import Foundation

/// Obtains a fresh token: an OAuth 2 token endpoint, a session login.
public protocol TokenFetcher: Sendable {
    /// A new token; `previous` is the last one issued (its rotated refresh token, if any, must be used).
    func fetchToken(previous: IssuedToken?) async throws(AuthError) -> IssuedToken

    /// The configured secrets (client secret, refresh token, password), for redaction.
    var secrets: [String] { get }
}

/// A token as issued, with its lifetime when the issuer says it.
public struct IssuedToken: Sendable, Hashable {
    public var token: String
    /// Seconds the token is valid from when it was issued; `nil` when unknown (used until refused).
    public var lifetime: TimeInterval?
    /// A new refresh token the issuer rotated in, to be used from now on and saved.
    public var refreshToken: String?

    public init(token: String, lifetime: TimeInterval? = nil, refreshToken: String? = nil) {
        self.token = token
        self.lifetime = lifetime
        self.refreshToken = refreshToken
    }
}
