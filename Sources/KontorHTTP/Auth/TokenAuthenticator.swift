import Foundation
import KontorCore

/// Credentials from a token that expires: OAuth 2 (refresh token or client
/// credentials) and session logins.
///
/// The token is cached until `margin` seconds before it expires, renewed when
/// the API refuses it (once per refused generation), and fetched by one task
/// at a time: requests that need a token while a fetch is running wait for it.
///
/// ```swift
/// let auth = TokenAuthenticator(fetcher: oauth, clock: clock) { CredentialPlacement(.header("Authorization"), "Bearer \($0)") }
/// let signed = try await auth.authenticate(draft)
/// ```
public actor TokenAuthenticator: RequestAuthenticator {
    private let fetcher: any TokenFetcher
    private let clock: any KontorClock
    private let margin: TimeInterval
    private let placement: @Sendable (String) -> CredentialPlacement
    private let onRotatedRefreshToken: (@Sendable (String) async -> Void)?
    private var issued: IssuedToken?
    private var expiresAt: Date?
    private var generation = 0
    private var inFlight: Task<Result<String, AuthError>, Never>?
    /// How many tokens were fetched (for tests and run statistics).
    public private(set) var fetchCount = 0

    public nonisolated let queryParameterNames: Set<String>

    /// - Parameters:
    ///   - margin: a token is renewed this many seconds before it expires.
    ///   - onRotatedRefreshToken: called with a refresh token the issuer rotated in, to save it.
    ///   - placement: where the token goes, e.g. `Authorization: Bearer <token>`.
    public init(
        fetcher: any TokenFetcher, clock: any KontorClock, margin: TimeInterval = 60,
        queryParameterNames: Set<String> = [],
        onRotatedRefreshToken: (@Sendable (String) async -> Void)? = nil,
        placement: @escaping @Sendable (String) -> CredentialPlacement
    ) {
        self.fetcher = fetcher
        self.clock = clock
        self.margin = margin
        self.placement = placement
        self.onRotatedRefreshToken = onRotatedRefreshToken
        self.queryParameterNames = queryParameterNames
    }

    public func authenticate(_ draft: RequestDraft) async throws(AuthError) -> AuthenticatedDraft {
        let token = try await validToken()
        var draft = draft
        placement(token).apply(to: &draft)
        return AuthenticatedDraft(draft, generation: generation)
    }

    public func refresh(generation refused: Int) async throws(AuthError) -> Bool {
        if refused < generation { return true }
        if let inFlight {
            _ = try await inFlight.value.get()
            return true
        }
        issued = nil
        expiresAt = nil
        _ = try await fetch()
        return true
    }

    public func secrets() async -> [String] {
        var values = fetcher.secrets
        if let issued {
            values.append(issued.token)
            values.append(placement(issued.token).value)
            if let refresh = issued.refreshToken { values.append(refresh) }
        }
        return values
    }

    private func validToken() async throws(AuthError) -> String {
        if let issued, expiresAt.map({ clock.now < $0.addingTimeInterval(-margin) }) ?? true {
            return issued.token
        }
        return try await fetch()
    }

    private func fetch() async throws(AuthError) -> String {
        if let inFlight { return try await inFlight.value.get() }
        let task = Task { await self.performFetch() }
        inFlight = task
        return try await task.value.get()
    }

    private func performFetch() async -> Result<String, AuthError> {
        defer { inFlight = nil }
        do {
            let token = try await fetcher.fetchToken(previous: issued)
            fetchCount += 1
            issued = IssuedToken(
                token: token.token, lifetime: token.lifetime, refreshToken: token.refreshToken ?? issued?.refreshToken
            )
            expiresAt = token.lifetime.map { clock.now.addingTimeInterval($0) }
            generation += 1
            if let rotated = token.refreshToken, let onRotatedRefreshToken { await onRotatedRefreshToken(rotated) }
            return .success(token.token)
        } catch {
            return .failure(error)
        }
    }
}
