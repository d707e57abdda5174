import Foundation
import Hummingbird
import KontorCore

/// The admin token (`server.admin_token`) and the two ways a request shows it:
/// `Authorization: Bearer <token>` (the admin API, scripts), or the
/// `kontor_admin` cookie the status page sets after a sign-in.
///
/// The cookie never holds the token itself but a SHA-256 derived from it, so
/// a copied cookie does not reveal the token and stops working when the token
/// changes. Every comparison takes time that depends only on the lengths.
/// Without a configured token the admin API and the status page are off (403).
struct AdminToken: Sendable {
    /// The cookie the status page signs in with.
    static let cookieName = "kontor_admin"

    private let token: [UInt8]?
    private let cookie: [UInt8]?

    init(_ token: String?) {
        if let token, !token.isEmpty {
            self.token = Array(token.utf8)
            self.cookie = Array(Self.cookieValue(for: token).utf8)
        } else {
            self.token = nil
            self.cookie = nil
        }
    }

    /// `false` when no admin token is configured.
    var isConfigured: Bool { token != nil }

    /// The cookie value that stands for `token`.
    static func cookieValue(for token: String) -> String {
        PIIHasher.hash("kontor-admin-session\n\(token)")
    }

    /// Whether `candidate` is the token.
    func matches(_ candidate: String) -> Bool {
        guard let token else { return false }
        return WriteKeys.constantTimeEqual(token, Array(candidate.utf8))
    }

    /// Throws unless the request carries the token as a bearer token or the status page cookie:
    /// 403 `admin_disabled` without a configured token, else 401.
    func check(_ request: Request) throws(APIError) {
        guard let token, let cookie else {
            throw APIError(
                .forbidden, code: "admin_disabled",
                "The admin API is off: set server.admin_token in connectors.yaml to turn it on.")
        }
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer",
                WriteKeys.constantTimeEqual(token, Array(parts[1].trimmingCharacters(in: .whitespaces).utf8))
            {
                return
            }
            throw APIError(.unauthorized, code: "invalid_admin_token", "The admin token is not valid.", field: "Authorization")
        }
        if let value = Self.cookie(named: Self.cookieName, in: request),
            WriteKeys.constantTimeEqual(cookie, Array(value.utf8))
        {
            return
        }
        throw APIError(
            .unauthorized, code: "missing_admin_token", "Send the admin token as 'Authorization: Bearer <token>'.",
            field: "Authorization")
    }

    /// The value of cookie `name` in the request's `Cookie` headers.
    static func cookie(named name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
