import Foundation
import KontorCore
import XCTest

/// Always returns the same word: 0 gives no jitter wait, `.max` the full ceiling.
private struct FixedRandom: RandomNumberGenerator {
    var word: UInt64
    mutating func next() -> UInt64 { word }
}

final class DeliveryPolicyTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_750_000_000)
    private let transient = RecordOutcome.retry(RecordFailure("HTTP 503: server error", failure: .transientError))
    private let policy = DeliveryPolicy(backoff: BackoffPolicy(base: 5, factor: 2, cap: 600), maxAttempts: 5, minimumWindow: 3600)

    func testDeadLetterNeedsAttemptsAndWindow() {
        let table: [(attempts: Int, elapsed: TimeInterval, deadLetter: Bool)] = [
            (1, 0, false),
            (4, 7200, false),      // window long passed, attempts not used up
            (5, 3599, false),      // attempts used up, window not yet
            (5, 3600, true),       // both: exactly at the boundary
            (6, 10_000, true),
            (100, 60, false),      // many attempts in a short outage
        ]
        for (count, elapsed, deadLetter) in table {
            var random = FixedRandom(word: 0)
            let attempts = DeliveryAttempts(count: count, firstAttemptAt: start)
            let now = start.addingTimeInterval(elapsed)
            let decision = policy.decide(transient, attempts: attempts, now: now, using: &random)
            switch decision {
            case .deadLetter(let reason):
                XCTAssertTrue(deadLetter, "\(count) attempts after \(elapsed)s: \(reason)")
                XCTAssertTrue(reason.hasPrefix("HTTP 503: server error; gave up after \(count) attempts"), reason)
            case .retry:
                XCTAssertFalse(deadLetter, "\(count) attempts after \(elapsed)s")
            case .done:
                XCTFail("a failure is never done")
            }
            XCTAssertEqual(policy.isExhausted(attempts, now: now), deadLetter)
        }
    }

    func testPermanentFailureDeadLettersAtOnceAndDeliveredIsDone() {
        var random = FixedRandom(word: 0)
        let attempts = DeliveryAttempts(count: 1, firstAttemptAt: start)
        let failed = RecordOutcome.failed(RecordFailure("invalid email", code: "ERROR_GENERIC"))
        XCTAssertEqual(policy.decide(failed, attempts: attempts, now: start, using: &random),
                       .deadLetter(reason: "rejected: ERROR_GENERIC: invalid email"))
        XCTAssertEqual(policy.decide(.delivered, attempts: attempts, now: start, using: &random), .done)
    }

    func testBackoffGrowsWithFullJitterAndCap() {
        let table: [(attempts: Int, ceiling: TimeInterval)] = [(1, 5), (2, 10), (3, 20), (4, 40), (8, 600), (30, 600)]
        for (count, ceiling) in table {
            let attempts = DeliveryAttempts(count: count, firstAttemptAt: start)
            var high = FixedRandom(word: .max)
            var low = FixedRandom(word: 0)
            guard case .retry(let latest) = policy.decide(transient, attempts: attempts, now: start, using: &high),
                  case .retry(let earliest) = policy.decide(transient, attempts: attempts, now: start, using: &low)
            else { return XCTFail("attempt \(count) should retry") }
            XCTAssertEqual(latest.timeIntervalSince(start), ceiling, accuracy: 1e-6, "attempt \(count)")
            XCTAssertEqual(earliest, start, "full jitter reaches down to no wait")
        }
    }

    func testRetryAfterIsHonoured() {
        let table: [(serverWait: TimeInterval?, word: UInt64, attempts: Int, expected: TimeInterval)] = [
            (120, 0, 1, 120),     // server wait beats a short backoff
            (2, .max, 3, 20),     // backoff beats a short server wait
            (nil, 0, 3, 0),
            (0, 0, 1, 0),
        ]
        for (serverWait, word, count, expected) in table {
            var random = FixedRandom(word: word)
            let attempts = DeliveryAttempts(count: count, firstAttemptAt: start)
            let decision = policy.decide(transient, attempts: attempts, serverWait: serverWait, now: start, using: &random)
            guard case .retry(let at) = decision else { return XCTFail("\(decision)") }
            XCTAssertEqual(at.timeIntervalSince(start), expected, accuracy: 1e-6)
        }
    }

    func testAttemptBookkeepingAndReplay() {
        let first = DeliveryAttempts.none.recording(attemptAt: start)
        XCTAssertEqual(first, DeliveryAttempts(count: 1, firstAttemptAt: start))
        let second = first.recording(attemptAt: start.addingTimeInterval(60))
        XCTAssertEqual(second, DeliveryAttempts(count: 2, firstAttemptAt: start), "the window starts at the first attempt")

        let later = start.addingTimeInterval(7 * 86_400)
        let exhausted = DeliveryAttempts(count: 9, firstAttemptAt: start)
        XCTAssertTrue(policy.isExhausted(exhausted, now: later))
        let replayed = DeliveryAttempts.replayed(at: later)
        XCTAssertEqual(replayed, DeliveryAttempts(count: 0, firstAttemptAt: nil, nextAttemptAt: later))
        var random = FixedRandom(word: 0)
        let afterReplay = replayed.recording(attemptAt: later)
        guard case .retry = policy.decide(transient, attempts: afterReplay, now: later, using: &random) else {
            return XCTFail("a replayed job gets its attempts and window back")
        }
    }
}
