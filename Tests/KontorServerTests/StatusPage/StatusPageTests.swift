import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
@testable import KontorServer
import XCTest

/// `/admin/`: signing in, what the page shows, and that nothing shows without the token.
final class StatusPageTests: XCTestCase {
    private typealias F = AdminFixture

    func testWithoutTokenOnlyTheSignInFormShows() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        try await app.test(.router) { client in
            for headers: HTTPFields in [[:], F.bearer("wrong"), [.cookie: "kontor_admin=forged"]] {
                let response = try await client.executeRequest(uri: "/admin/", method: .get, headers: headers, body: nil)
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                XCTAssertTrue(response.text.contains("<form method=\"post\" action=\"/admin/sign-in\">"))
                for secret in ["shop", "newsletter", "crm", "buyers", "hubapi", "sqlite"] {
                    XCTAssertFalse(response.text.contains(secret), "the sign-in page shows \(secret)")
                }
            }
            let wrong = try await client.executeRequest(uri: "/admin/?token=wrong", method: .get, headers: [:], body: nil)
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertNil(wrong.headers[.setCookie])
            XCTAssertTrue(wrong.text.contains("not valid"))
        }
    }

    func testTokenInQuerySetsAnHttpOnlyCookieThatOpensThePage() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        try await app.test(.router) { client in
            let signIn = try await client.executeRequest(
                uri: "/admin/?token=\(F.token)", method: .get, headers: [:], body: nil)
            XCTAssertEqual(signIn.status, .seeOther)
            XCTAssertEqual(signIn.headers[.location], "/admin/")
            let cookie = try XCTUnwrap(signIn.headers[.setCookie])
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Strict"))
            XCTAssertTrue(cookie.contains("Path=/admin"))
            XCTAssertFalse(cookie.contains(F.token), "the cookie holds a derived value, not the token")
            let pair = String(cookie.split(separator: ";")[0])

            let page = try await client.executeRequest(uri: "/admin/", method: .get, headers: [.cookie: pair], body: nil)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.cacheControl], "no-store")
            XCTAssertNotNil(page.headers[.contentSecurityPolicy])
            let html = page.text
            for name in ["shop", "crm", "popup", "newsletter", "retargeting", "buyers", "big_spenders", "coffee_lovers"] {
                XCTAssertTrue(html.contains(">\(name)<"), "the page shows \(name)")
            }
            XCTAssertTrue(html.contains("Invalid Resource (merge field FNAME)"))
            XCTAssertTrue(html.contains("2024-05-01 12:00:00 UTC"), "generated-at")
            XCTAssertFalse(html.contains("<b>invalid</b>"), "error texts are escaped")
            XCTAssertTrue(html.contains("&lt;b&gt;invalid&lt;/b&gt; credentials &amp; &quot;expired&quot;"))
            XCTAssertFalse(html.contains("<script"), "no scripts")

            let bearer = try await client.executeRequest(uri: "/admin", method: .get, headers: F.bearer(), body: nil)
            XCTAssertEqual(bearer.status, .ok, "a bearer token works too, with or without the trailing slash")
        }
    }

    func testSignInForm() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        try await app.test(.router) { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let good = try await client.executeRequest(
                uri: "/admin/sign-in", method: .post, headers: form, body: ByteBuffer(string: "token=\(F.token)"))
            XCTAssertEqual(good.status, .seeOther)
            XCTAssertNotNil(good.headers[.setCookie])
            let bad = try await client.executeRequest(
                uri: "/admin/sign-in", method: .post, headers: form, body: ByteBuffer(string: "token=nope"))
            XCTAssertEqual(bad.status, .unauthorized)
            XCTAssertNil(bad.headers[.setCookie])
        }
    }

    func testPageIsOffWithoutConfiguredToken() async throws {
        let deployment = F.deployment(adminToken: nil)
        let store = try await F.store(deployment: deployment)
        let app = try F.application(store: store, deployment: deployment)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(uri: "/admin/?token=", method: .get, headers: [:], body: nil)
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertTrue(response.text.contains("server.admin_token"))
            XCTAssertFalse(response.text.contains("newsletter"))
        }
    }

    func testEscapingAndFormatting() {
        XCTAssertEqual(HTML.escape(#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let counts: [(Int, String)] = [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")]
        for (value, text) in counts { XCTAssertEqual(StatusPageFormat.count(value), text) }
        let sizes: [(Int64, String)] = [(512, "512 B"), (1536, "1.5 KB"), (5 * 1024 * 1024, "5.0 MB")]
        for (value, text) in sizes { XCTAssertEqual(StatusPageFormat.bytes(value), text) }
        let now = Date(timeIntervalSince1970: 1_000_000)
        let format = StatusPageFormat(now: now)
        let relative: [(TimeInterval, String)] = [
            (-2, "just now"), (-30, "30 s ago"), (-600, "10 min ago"), (900, "in 15 min"), (-7200, "2 h ago"),
            (-3 * 86_400, "3 d ago"),
        ]
        for (offset, text) in relative { XCTAssertEqual(format.relative(now.addingTimeInterval(offset)), text) }
        XCTAssertEqual(StatusPageFormat.timestamp(Date(timeIntervalSince1970: 1_714_564_805)), "2024-05-01 12:00:05 UTC")
        XCTAssertEqual(StatusPage.formValue("token", in: "a=1&token=a%2Bb+c&x"), "a+b c")
        XCTAssertNil(StatusPage.formValue("token", in: "tokens=1"))
    }
}
