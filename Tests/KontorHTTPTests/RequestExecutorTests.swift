import Foundation
import KontorCore
import KontorHTTP
import Synchronization
import XCTest

final class RequestExecutorTests: XCTestCase {
    private let draft = RequestDraft(url: "https://shop.test/admin/customers.json?limit=2")

    private func executor(
        _ transport: ScriptedTransport, clock: SteppingClock, retry: PluginRetryPolicy? = nil,
        auth: any RequestAuthenticator = StaticAuthenticator.none, limits: [PluginRateLimit] = [],
        events: EventRecorder? = nil
    ) throws -> RequestExecutor {
        RequestExecutor(
            transport: transport, authenticator: auth, limiter: try RateLimiter(limits), retry: try RetrySettings(retry),
            clock: clock, config: ["shop": "demo"], redactor: SecretRedactor(secrets: ["shpat_topsecret"]), jitterSeed: 7
        ) { event in events?.record(event) }
    }

    private func policy(_ json: String) throws -> PluginRetryPolicy {
        try JSONDecoder().decode(PluginRetryPolicy.self, from: Data(json.utf8))
    }

    func test429WaitsForRetryAfterOnTheClock() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(429, #"{"errors":"Exceeded 2 calls per second"}"#, headers: [HTTPHeader("Retry-After", "2.0")]),
            ScriptedTransport.json(200, #"{"customers":[]}"#),
        ])
        let clock = SteppingClock()
        let events = EventRecorder()
        let response = try await executor(transport, clock: clock, events: events).execute(draft)
        XCTAssertEqual(response.response.status, 200)
        XCTAssertEqual(response.retries, 1)
        XCTAssertEqual(clock.sleeps, [2.0])
        XCTAssertTrue(events.events.contains(.waiting(seconds: 2.0, reason: .rateLimited)))
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testServerErrorIsRetriedWithBackoff() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(503, "busy"), ScriptedTransport.json(500, "oops"), ScriptedTransport.json(200, "{}"),
        ])
        let clock = SteppingClock()
        let response = try await executor(transport, clock: clock).execute(draft)
        XCTAssertEqual(response.retries, 2)
        XCTAssertEqual(clock.sleeps.count, 2)
        XCTAssertTrue(clock.sleeps[0] <= 1 && clock.sleeps[1] <= 2, "\(clock.sleeps)")
    }

    func testServerErrorGivesUpAfterMaxRetries() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(502, "bad gateway"))
        let executor = try executor(transport, clock: SteppingClock(), retry: try policy(#"{"max_retries":2}"#))
        do throws(RequestFailure) {
            _ = try await executor.execute(draft)
            XCTFail("expected a failure")
        } catch {
            XCTAssertEqual(error.status, 502)
            XCTAssertEqual(error.failure, .transientError)
            XCTAssertEqual(transport.requests.count, 3)
        }
    }

    func testUnauthorizedFailsWithThePluginMessageAndRedactedBody() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(401, #"{"errors":"Invalid API key or access token (shpat_topsecret)"}"#))
        let retry = try policy(#"{"rules":[{"status":[401],"action":"fail","failure":"config_error","message":"Check the access_token setting of shop {{ config.shop }}"}]}"#)
        let executor = try executor(transport, clock: SteppingClock(), retry: retry)
        do throws(RequestFailure) {
            _ = try await executor.execute(draft)
            XCTFail("expected a failure")
        } catch {
            XCTAssertEqual(error.status, 401)
            XCTAssertEqual(error.failure, .configError)
            XCTAssertEqual(error.message, "Check the access_token setting of shop demo")
            XCTAssertEqual(error.method, "GET")
            XCTAssertEqual(error.url, "https://shop.test/admin/customers.json?limit=2")
            XCTAssertFalse("\(error)".contains("shpat_topsecret"))
            XCTAssertTrue("\(error)".contains("Invalid API key"), "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testUnauthorizedWithStaticCredentialsFailsAfterOneAttempt() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(401, "{}"))
        let executor = try executor(transport, clock: SteppingClock(), auth: StaticAuthenticator.bearer(token: "t"))
        do throws(RequestFailure) {
            _ = try await executor.execute(draft)
            XCTFail("expected a failure")
        } catch {
            XCTAssertEqual(error.failure, .configError)
            XCTAssertTrue(error.message.contains("check the credentials"), error.message)
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testShopifyCallLimitSlowsTheNextRequest() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, "{}", headers: [HTTPHeader("X-Shopify-Shop-Api-Call-Limit", "39/40")]),
            ScriptedTransport.json(200, "{}"),
        ])
        let clock = SteppingClock()
        let executor = try executor(transport, clock: clock)
        _ = try await executor.execute(draft)
        _ = try await executor.execute(draft)
        XCTAssertEqual(clock.sleeps, [4.0], "(39 + 1 - 0.8 × 40) / 2 calls per second")
    }

    func testRateBudgetSpacesRequests() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(200, "{}"))
        let clock = SteppingClock()
        let limits = try JSONDecoder().decode([PluginRateLimit].self, from: Data(#"[{"limits":["2/1s"]}]"#.utf8))
        let executor = try executor(transport, clock: clock, limits: limits)
        for _ in 0..<4 { _ = try await executor.execute(draft) }
        XCTAssertEqual(clock.sleeps.reduce(0, +), 1, accuracy: 0.001, "4 requests at 2/s need one second: \(clock.sleeps)")
    }

    func testIgnoreRuleSkipsTheResponse() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(404, #"{"errors":"Not Found"}"#))
        let retry = try policy(#"{"rules":[{"status":[404],"action":"ignore"}]}"#)
        let response = try await executor(transport, clock: SteppingClock(), retry: retry).execute(draft)
        XCTAssertTrue(response.ignored)
    }
}

final class EventRecorder: Sendable {
    private let state = Mutex<[RequestEvent]>([])
    func record(_ event: RequestEvent) { state.withLock { $0.append(event) } }
    var events: [RequestEvent] { state.withLock { $0 } }
}
