import Foundation
import KontorCore
import KontorTesting
import XCTest

final class ManualClockTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_000)

    func testAdvanceWakesSleepersWhoseDeadlineHasCome() async throws {
        let clock = ManualClock(now: start)
        let early = Task { try await clock.sleep(for: 10); return clock.now }
        let deadline = start.addingTimeInterval(60)
        let late = Task { try await clock.sleep(until: deadline); return clock.now }
        await clock.waitForSleepers(2)
        XCTAssertEqual(clock.nextDeadline, start.addingTimeInterval(10))
        clock.advance(by: 30)
        let earlyWoke = try await early.value
        XCTAssertEqual(earlyWoke, start.addingTimeInterval(30))
        XCTAssertEqual(clock.sleeperCount, 1, "the later sleeper still sleeps")
        clock.advance(to: start.addingTimeInterval(60))
        let lateWoke = try await late.value
        XCTAssertEqual(lateWoke, start.addingTimeInterval(60))
        XCTAssertEqual(clock.sleeperCount, 0)
    }

    func testPastDeadlinesReturnAtOnce() async throws {
        let clock = ManualClock(now: start)
        try await clock.sleep(until: start.addingTimeInterval(-5))
        try await clock.sleep(for: 0)
        XCTAssertEqual(clock.now, start)
    }

    func testTimeNeverGoesBackwards() {
        let clock = ManualClock(now: start)
        clock.advance(to: start.addingTimeInterval(-100))
        XCTAssertEqual(clock.now, start)
    }

    func testCancellationEndsTheSleep() async {
        let clock = ManualClock(now: start)
        let sleeper = Task { try await clock.sleep(for: 3600) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        do {
            try await sleeper.value
            XCTFail("sleep finished without the time moving")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(clock.sleeperCount, 0)
    }

    func testDrivesARetryLoopWithoutRealWaiting() async throws {
        let clock = ManualClock(now: start)
        let loop = Task { () -> Int in
            var state = RetryState(policy: BackoffPolicy(base: 10, factor: 2, cap: 60, maxAttempts: 3), startedAt: clock.now)
            var random = FixedRandomNumberGenerator.maximum
            var attempts = 1
            while case let .retryAfter(wait) = state.decide(ResponseClassifier.builtIn(status: 503), now: clock.now, using: &random) {
                try await clock.sleep(for: wait)
                attempts += 1
            }
            return attempts
        }
        for expected in [10.0, 20, 40] {
            await clock.waitForSleepers(1)
            XCTAssertEqual(clock.nextDeadline?.timeIntervalSince(clock.now), expected)
            clock.advance(by: expected)
        }
        let attempts = try await loop.value
        XCTAssertEqual(attempts, 4)
        XCTAssertEqual(clock.now, start.addingTimeInterval(70))
    }
}
