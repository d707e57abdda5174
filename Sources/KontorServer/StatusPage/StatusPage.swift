import Foundation
import Hummingbird

/// The status page at `/admin/`: server-rendered HTML showing sources, destinations
/// with their queues, segments, recent errors and the store at a glance.
///
/// Signing in, with the admin token (`server.admin_token`):
/// - `Authorization: Bearer <token>` on each request (scripts, proxies that add it);
/// - the form the page shows, posting to `/admin/sign-in`; or
/// - `/admin/?token=<token>` once (for headless browsers and bookmarks on a trusted machine).
///
/// Both of the last two answer `303 See Other` to `/admin/` and set the
/// `kontor_admin` cookie (HttpOnly, SameSite=Strict, path `/admin`, 12 hours),
/// which holds a value derived from the token, never the token. Without a valid
/// token the page shows only the sign-in form (401); without a configured token,
/// a notice that the page is off (403).
public struct StatusPage: Sendable {
    /// How long the sign-in cookie lasts.
    public static let sessionSeconds = 12 * 3600
    /// The largest sign-in form body read.
    static let maxSignInBytes = 4096

    let token: AdminToken
    let admin: AdminReporter

    public init(adminToken: String?, reporter: AdminReporter) {
        self.token = AdminToken(adminToken)
        self.admin = reporter
    }

    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("admin") { request, _ in try await self.page(request) }
        router.post("admin/sign-in") { request, _ in try await self.signIn(request) }
    }

    private func page(_ request: Request) async throws -> Response {
        guard token.isConfigured else { return Self.html(SignInPage.disabled, status: .forbidden) }
        if let offered = request.uri.queryParameters["token"] {
            return signedIn(token.matches(String(offered)), offered: String(offered))
        }
        do {
            try token.check(request)
        } catch {
            let problem = error.code == "invalid_admin_token" ? "The admin token is not valid." : nil
            return Self.html(SignInPage.form(problem: problem), status: .unauthorized)
        }
        do {
            let status = try await admin.status()
            return Self.html(StatusPageRenderer(status: status).render(), status: .ok)
        } catch {
            return Self.html(SignInPage.unavailable, status: .serviceUnavailable)
        }
    }

    private func signIn(_ request: Request) async throws -> Response {
        guard token.isConfigured else { return Self.html(SignInPage.disabled, status: .forbidden) }
        let body = try await request.body.collect(upTo: Self.maxSignInBytes)
        let offered = Self.formValue("token", in: String(buffer: body)) ?? ""
        return signedIn(token.matches(offered), offered: offered)
    }

    /// 303 to `/admin/` with the session cookie, or the form again.
    private func signedIn(_ valid: Bool, offered: String) -> Response {
        guard valid else {
            return Self.html(SignInPage.form(problem: "The admin token is not valid."), status: .unauthorized)
        }
        let cookie = "\(AdminToken.cookieName)=\(AdminToken.cookieValue(for: offered)); Path=/admin; "
            + "Max-Age=\(Self.sessionSeconds); HttpOnly; SameSite=Strict"
        return Response(
            status: .seeOther,
            headers: [.location: "/admin/", .setCookie: cookie, .cacheControl: "no-store"])
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
