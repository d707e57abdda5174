import Foundation
import KontorCore

/// Credentials that never change during a run: `none`, `bearer`, `basic`
/// and `api_key` (header, query or body). Nothing to refresh: a 401 fails.
///
/// ```swift
/// let auth = StaticAuthenticator.bearer(token: "t")        // Authorization: Bearer t
/// let key = StaticAuthenticator(placements: [.init(.query("api_key"), "k")])
/// ```
public struct StaticAuthenticator: RequestAuthenticator {
    public let placements: [CredentialPlacement]

    public init(placements: [CredentialPlacement]) {
        self.placements = placements
    }

    /// No credentials.
    public static let none = StaticAuthenticator(placements: [])

    /// `Authorization: Bearer <token>`.
    public static func bearer(token: String) -> StaticAuthenticator {
        StaticAuthenticator(placements: [CredentialPlacement(.header("Authorization"), "Bearer \(token)")])
    }

    /// `Authorization: Basic base64(username:password)`.
    public static func basic(username: String, password: String) -> StaticAuthenticator {
        let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
        return StaticAuthenticator(placements: [CredentialPlacement(.header("Authorization"), "Basic \(encoded)")])
    }

    public func authenticate(_ draft: RequestDraft) async throws(AuthError) -> AuthenticatedDraft {
        var draft = draft
        for placement in placements { placement.apply(to: &draft) }
        return AuthenticatedDraft(draft)
    }

    public func refresh(generation: Int) async throws(AuthError) -> Bool { false }

    public var queryParameterNames: Set<String> {
        Set(placements.compactMap { if case .query(let name) = $0.target { name } else { nil } })
    }

    public func secrets() async -> [String] {
        placements.flatMap { placement -> [String] in
            // The whole header value and its credential part (`Bearer x` → `x`, Basic's base64).
            let parts = placement.value.split(separator: " ", maxSplits: 1).map(String.init)
            return [placement.value] + (parts.count == 2 ? [parts[1]] : [])
        }
    }
}
