import Foundation
import KontorCore
import XCTest

final class RetryStateTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)
    private var maximum = FixedRandomNumberGenerator.maximum

    private func classified(_ status: Int) -> ResponseClassification {
        ResponseClassifier.builtIn(status: status)
    }

    func testDecisionTable() {
        let policy = BackoffPolicy(base: 1, factor: 2, cap: 60, maxAttempts: 3, maxElapsed: 600)
        // Each row: a fresh state, one classified attempt, the decision.
        let rows: [(ResponseClassification, [String: String], RetryDecision, UInt)] = [
            (classified(200), [:], .done, #line),
            (ResponseClassification(action: .ignore, message: "gone"), [:], .done, #line),
            (classified(503), [:], .retryAfter(1), #line),
            (classified(429), [:], .retryAfter(1), #line),
            (classified(429), ["Retry-After": "30"], .retryAfter(30), #line),
            (classified(503), ["Retry-After": "Tue, 14 Nov 2023 22:14:20 GMT"], .retryAfter(60), #line),
            (classified(429), ["Retry-After": "0.2"], .retryAfter(1), #line),
            (classified(429), ["X-RateLimit-Reset": "1700000090"], .retryAfter(90), #line),
            (classified(429), ["Retry-After": "7200"], .giveUp(GiveUpReason(
                .transientError, "HTTP 429: rate limit reached; the server asks to wait 2h, more than the 1h allowed"
            )), #line),
            (classified(401), [:], .refreshAuthAndRetry, #line),
            (classified(403), [:], .giveUp(GiveUpReason(
                .configError, "HTTP 403: access denied; check the credentials and their permissions"
            )), #line),
            (classified(404), [:], .giveUp(GiveUpReason(.systemError, "HTTP 404: request rejected")), #line),
            (ResponseClassifier.builtIn(for: TransportFailure(.timeout, "30s")), [:], .retryAfter(1), #line),
        ]
        for (classification, headers, expected, line) in rows {
            var state = RetryState(policy: policy, startedAt: start)
            var random = maximum
            let decision = state.decide(classification, headers: headers, now: start, using: &random)
            if case let .retryAfter(wait) = decision, case let .retryAfter(expectedWait) = expected {
                XCTAssertEqual(wait, expectedWait, accuracy: 1e-9, line: line)
            } else {
                XCTAssertEqual(decision, expected, line: line)
            }
        }
    }

    func testRetriesGrowThenGiveUpAfterMaxAttempts() {
        var state = RetryState(policy: BackoffPolicy(base: 1, factor: 2, cap: 60, maxAttempts: 4, maxElapsed: 3600), startedAt: start)
        var now = start
        var waits: [TimeInterval] = []
        while case let .retryAfter(wait) = state.decide(classified(500), now: now, using: &maximum) {
            waits.append(wait)
            now += wait
        }
        XCTAssertEqual(waits.map { $0.rounded() }, [1, 2, 4, 8])
        XCTAssertEqual(state.retries, 5)
        XCTAssertEqual(
            state.decide(classified(500), now: now, using: &maximum),
            .giveUp(GiveUpReason(.transientError, "HTTP 500: server error; gave up after 4 retries"))
        )
    }

    func testGivesUpWhenTheTimeWindowWouldBeExceeded() {
        var state = RetryState(policy: BackoffPolicy(base: 10, factor: 2, cap: 60, maxAttempts: 100, maxElapsed: 120), startedAt: start)
        XCTAssertEqual(state.decide(classified(502), now: start.addingTimeInterval(100), using: &maximum), .retryAfter(10))
        XCTAssertEqual(
            state.decide(classified(502), now: start.addingTimeInterval(110), using: &maximum),
            .giveUp(GiveUpReason(.transientError, "HTTP 502: server error; gave up after retrying for 2m"))
        )
    }

    func testRateLimitedDoesNotUseUpAttempts() {
        var state = RetryState(policy: BackoffPolicy(base: 1, factor: 2, cap: 4, maxAttempts: 1, maxElapsed: 600), startedAt: start)
        var now = start
        for _ in 0..<20 {
            guard case let .retryAfter(wait) = state.decide(classified(429), headers: ["Retry-After": "2"], now: now, using: &maximum) else {
                return XCTFail("429 gave up while the window is open")
            }
            XCTAssertGreaterThanOrEqual(wait, 2)
            XCTAssertLessThanOrEqual(wait, 4)
            now += wait
        }
        XCTAssertEqual(state.rateLimitedRetries, 20)
        XCTAssertEqual(state.retries, 0)
    }

    func testRefreshAuthOnceThenConfigError() {
        var state = RetryState(startedAt: start)
        XCTAssertEqual(state.decide(classified(401), now: start, using: &maximum), .refreshAuthAndRetry)
        XCTAssertTrue(state.refreshedAuth)
        XCTAssertEqual(
            state.decide(classified(401), now: start, using: &maximum),
            .giveUp(GiveUpReason(.configError, "HTTP 401: authentication failed; check the credentials (still refused after refreshing the credentials)"))
        )
    }

    func testOutboxModeNeedsBothAttemptsAndWindow() {
        let policy = BackoffPolicy(base: 60, factor: 2, cap: 3600, maxAttempts: 3, maxElapsed: 86_400, giveUpWhen: .attemptsAndElapsed)
        // Attempts used up but the day is not over: keep trying at the capped backoff.
        var state = RetryState(policy: policy, startedAt: start, retries: 10)
        XCTAssertEqual(state.decide(classified(503), now: start.addingTimeInterval(3600), using: &maximum), .retryAfter(3600))
        // Both used up: dead letter.
        var late = RetryState(policy: policy, startedAt: start, retries: 10)
        guard case let .giveUp(reason) = late.decide(classified(503), now: start.addingTimeInterval(86_000), using: &maximum) else {
            return XCTFail("did not give up")
        }
        XCTAssertEqual(reason.failure, .transientError)
        // Window over but few attempts: keep trying.
        var early = RetryState(policy: policy, startedAt: start, retries: 1)
        XCTAssertEqual(early.decide(classified(503), now: start.addingTimeInterval(90_000), using: &maximum), .retryAfter(120))
    }

    func testWaitsStayWithinTheCapWithASeededSource() {
        var random = SeededRandomNumberGenerator(seed: 5)
        for _ in 0..<200 {
            var state = RetryState(policy: BackoffPolicy(base: 1, factor: 2, cap: 30, maxAttempts: 10, maxElapsed: 10_000), startedAt: start)
            var now = start
            while case let .retryAfter(wait) = state.decide(classified(503), now: now, using: &random) {
                XCTAssertTrue((0...30).contains(wait), "\(wait)")
                now += wait
            }
            XCTAssertEqual(state.retries, 11)
        }
    }
}
