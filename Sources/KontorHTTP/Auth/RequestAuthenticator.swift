import KontorCore

/// Adds credentials to requests, and renews them when the API refuses them.
///
/// One authenticator serves every stream of a source instance; implementations
/// holding a token are actors so that concurrent requests share one token and
/// one refresh.
///
/// ```swift
/// let signed = try await auth.authenticate(draft)
/// // … a 401 classified refresh_auth …
/// if try await auth.refresh(generation: signed.generation) { /* send again */ }
/// ```
public protocol RequestAuthenticator: Sendable {
    /// `draft` with the credentials added, and the generation of the credentials used.
    func authenticate(_ draft: RequestDraft) async throws(AuthError) -> AuthenticatedDraft

    /// Renews credentials that the API refused. `generation` is the one the refused
    /// request was sent with: when a newer one exists already, nothing is fetched
    /// (many requests refused at once cause one refresh). Returns `false` when the
    /// credentials cannot be renewed (static keys): retrying would not help.
    func refresh(generation: Int) async throws(AuthError) -> Bool

    /// Query parameters the authenticator sets: removed from URLs an API hands
    /// back (`next_url`) and hidden in error messages.
    var queryParameterNames: Set<String> { get }

    /// The secret values in use now (static keys, current tokens), for redaction.
    func secrets() async -> [String]
}

/// A request with credentials, and which credentials they were.
public struct AuthenticatedDraft: Sendable, Hashable {
    public var draft: RequestDraft
    public var generation: Int

    public init(_ draft: RequestDraft, generation: Int = 0) {
        self.draft = draft
        self.generation = generation
    }
}

/// Where and how one credential goes into a request.
public struct CredentialPlacement: Sendable, Hashable {
    public var target: Inject
    public var value: String

    public init(_ target: Inject, _ value: String) {
        self.target = target
        self.value = value
    }

    /// Writes the credential into `draft`.
    public func apply(to draft: inout RequestDraft) {
        draft.inject(.string(value), at: target)
    }
}
