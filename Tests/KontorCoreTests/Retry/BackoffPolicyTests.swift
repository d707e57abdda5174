import Foundation
import KontorCore
import XCTest

final class BackoffPolicyTests: XCTestCase {
    func testCeilingsGrowExponentiallyUpToTheCap() {
        let policy = BackoffPolicy(base: 1, factor: 2, cap: 60)
        let rows: [(Int, TimeInterval)] = [(1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 60), (8, 60), (50, 60), (5000, 60)]
        for (retry, ceiling) in rows {
            XCTAssertEqual(policy.ceiling(forRetry: retry), ceiling, "retry \(retry)")
        }
        let airbyte = BackoffPolicy(base: 5, factor: 2, cap: 600)
        XCTAssertEqual((1...4).map(airbyte.ceiling(forRetry:)), [5, 10, 20, 40])
    }

    func testFullJitterStaysWithinZeroAndTheCeiling() {
        let policy = BackoffPolicy(base: 0.5, factor: 3, cap: 30)
        var random = SeededRandomNumberGenerator(seed: 2024)
        for retry in 1...12 {
            var delays: [TimeInterval] = []
            for _ in 0..<1000 {
                let delay = policy.delay(forRetry: retry, using: &random)
                XCTAssertGreaterThanOrEqual(delay, 0)
                XCTAssertLessThanOrEqual(delay, policy.ceiling(forRetry: retry))
                XCTAssertLessThanOrEqual(delay, 30)
                delays.append(delay)
            }
            let mean = delays.reduce(0, +) / Double(delays.count)
            // Full jitter: the mean is half the ceiling (within 10 %), so delays grow with the ceiling.
            XCTAssertEqual(mean, policy.ceiling(forRetry: retry) / 2, accuracy: policy.ceiling(forRetry: retry) * 0.05, "retry \(retry)")
        }
    }

    func testExtremesOfTheJitterRange() {
        var low = FixedRandomNumberGenerator.minimum
        var high = FixedRandomNumberGenerator.maximum
        let policy = BackoffPolicy(base: 2, factor: 2, cap: 10)
        XCTAssertEqual(policy.delay(forRetry: 3, using: &low), 0)
        XCTAssertEqual(policy.delay(forRetry: 3, using: &high), 8, accuracy: 1e-9)
        XCTAssertEqual(policy.delay(forRetry: 9, using: &high), 10, accuracy: 1e-9)
    }

    func testSeededGeneratorIsReproducible() {
        var first = SeededRandomNumberGenerator(seed: 99)
        var second = SeededRandomNumberGenerator(seed: 99)
        var other = SeededRandomNumberGenerator(seed: 100)
        let a = (0..<5).map { _ in first.next() }
        XCTAssertEqual(a, (0..<5).map { _ in second.next() })
        XCTAssertNotEqual(a, (0..<5).map { _ in other.next() })
    }

    func testDegenerateSettingsDoNotProduceNegativeOrInfiniteWaits() {
        var random = SeededRandomNumberGenerator(seed: 1)
        let rows = [
            BackoffPolicy(base: -1, factor: 2, cap: 10),
            BackoffPolicy(base: 1, factor: 0.5, cap: 10),
            BackoffPolicy(base: 1, factor: 1e300, cap: 10),
            BackoffPolicy(base: 1, factor: 2, cap: -5),
        ]
        for policy in rows {
            for retry in [0, 1, 2, 1000] {
                let delay = policy.delay(forRetry: retry, using: &random)
                XCTAssertTrue(delay.isFinite && delay >= 0 && delay <= max(0, policy.cap), "\(policy) retry \(retry): \(delay)")
            }
        }
    }
}
