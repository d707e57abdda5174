import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import KontorTesting
import XCTest

/// CORS for the configured origins only, and the per-client rate limit on an injected clock.
final class FormCORSAndRateLimitTests: XCTestCase {

    private static func preflight(_ client: some TestClientProtocol, origin: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let origin { headers[.origin] = origin }
        headers[.init("Access-Control-Request-Method")!] = "POST"
        return try await client.executeRequest(uri: "/forms/popup", method: .options, headers: headers, body: nil)
    }

    func testPreflightFromTheConfiguredOriginIsAllowed() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await Self.preflight(client, origin: "https://Shop.Example")
            XCTAssertEqual(response.status, .noContent)
            XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://Shop.Example")
            XCTAssertEqual(response.headers[.accessControlAllowMethods], "POST, OPTIONS")
            XCTAssertEqual(response.headers[.vary], "Origin")
        }
    }

    func testForeignOriginIs403JSONForPreflightAndPostAndNothingIsStored() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await Self.preflight(client, origin: "https://evil.example")
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertEqual(response.json["code"], "origin_not_allowed")
            XCTAssertNil(response.headers[.accessControlAllowOrigin])
            let post = try await client.submit(#"{"email": "a@b.example"}"#, origin: "https://evil.example")
            XCTAssertEqual(post.status, .forbidden)
            XCTAssertNil(post.headers[.accessControlAllowOrigin])
            let lookalike = try await client.submit(#"{"email": "a@b.example"}"#, origin: "https://shop.example.evil.example")
            XCTAssertEqual(lookalike.status, .forbidden)
            // Still serving the configured origin.
            let observed1 = try await client.submit(#"{"email": "a@b.example"}"#).status
            XCTAssertEqual(observed1, .ok)
        }
        let observed2 = try await store.all().count
        XCTAssertEqual(observed2, 2)
    }

    func testRateLimitAnswers429WithRetryAfterUntilTheWindowMoves() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, forms) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            for index in 0..<10 {
                clock.advance(by: 1)
                let response = try await client.submit(#"{"email": "p\#(index)@example.com"}"#, client: "203.0.113.5")
                XCTAssertEqual(response.status, .ok, "post \(index)")
            }
            let limited = try await client.submit(#"{"email": "late@example.com"}"#, client: "203.0.113.5")
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertEqual(limited.json["code"], "rate_limited")
            // The first post was at +1s; the window of 60s frees a slot at +61s; now is +10s.
            XCTAssertEqual(limited.headers[.retryAfter], "51")
            XCTAssertEqual(limited.headers[.accessControlAllowOrigin], InboundFixture.shopOrigin)
            let other = try await client.submit(#"{"email": "other@example.com"}"#, client: "203.0.113.6")
            XCTAssertEqual(other.status, .ok, "another client has its own budget")
            clock.advance(by: 51)
            let later = try await client.submit(#"{"email": "late@example.com"}"#, client: "203.0.113.5")
            XCTAssertEqual(later.status, .ok)
        }
        XCTAssertEqual(forms.counts(for: "popup").rateLimited, 1)
        let observed3 = try await store.all().filter { $0.message.type == .track }.count
        XCTAssertEqual(observed3, 12)
    }
}
