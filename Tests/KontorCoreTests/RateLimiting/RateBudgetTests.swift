import Foundation
import KontorCore
import XCTest

final class RateBudgetTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// At most `spec.limit` of `times` (ascending) in any window of `spec.interval` seconds.
    private func assertWithin(_ spec: RateLimitSpec, _ times: [Date], line: UInt = #line) {
        guard times.count > spec.limit else { return }
        for index in 0..<(times.count - spec.limit) {
            let span = times[index + spec.limit].timeIntervalSince(times[index])
            if span < spec.interval - 1e-9 {
                return XCTFail("\(spec.limit + 1) requests within \(span)s under \(spec)", line: line)
            }
        }
    }

    func testTenThousandRequestsNeverExceedAnyLimit() throws {
        let specs = [try RateLimitSpec(parsing: "10/1s"), try RateLimitSpec(parsing: "150/1m"), try RateLimitSpec(parsing: "2000/1h")]
        var budget = RateBudget(limits: specs)
        var random = SeededRandomNumberGenerator(seed: 11)
        var now = start
        var sent: [Date] = []
        for index in 0..<10_000 {
            let at = budget.reserve(now: now)
            XCTAssertGreaterThanOrEqual(at, now)
            sent.append(at)
            // The caller sleeps until `at`, sends, then thinks for a random while (sometimes a long pause).
            let pause = Double(random.next() % 1000) / 1000 * (index % 500 == 0 ? 600 : 0.2)
            now = at.addingTimeInterval(pause)
        }
        XCTAssertEqual(sent, sent.sorted(), "requests leave in order")
        for spec in specs { assertWithin(spec, sent) }
        // The hourly limit dominates: 10,000 requests need at least four full hours.
        XCTAssertGreaterThan(sent.last!.timeIntervalSince(sent.first!), 4 * 3600)
    }

    func testBurstThenSpacing() throws {
        var budget = RateBudget(limits: [try RateLimitSpec(parsing: "2/1s")])
        let times = (0..<6).map { _ in budget.reserve(now: start).timeIntervalSince(start) }
        XCTAssertEqual(times, [0, 0, 1, 1, 2, 2])
    }

    func testPenaltyBlocksUntilItEnds() throws {
        var budget = RateBudget(limits: [try RateLimitSpec(parsing: "10/1s")])
        budget.penalize(until: start.addingTimeInterval(30))
        budget.penalize(until: start.addingTimeInterval(5))   // an earlier penalty does not shorten it
        XCTAssertEqual(budget.reserve(now: start), start.addingTimeInterval(30))
        XCTAssertEqual(budget.reserve(now: start.addingTimeInterval(31)), start.addingTimeInterval(31))
        var unlimited = RateBudget(limits: [])
        unlimited.penalize(until: start.addingTimeInterval(2))
        XCTAssertEqual(unlimited.reserve(now: start), start.addingTimeInterval(2))
        XCTAssertEqual(unlimited.reserve(now: start.addingTimeInterval(3)), start.addingTimeInterval(3))
    }

    func testAdaptiveSlowdownHalvesThenRecovers() throws {
        let spec = try RateLimitSpec(parsing: "10/1s")
        var budget = RateBudget(limits: [spec], minimumFactor: 0.25, recoveryPerSuccess: 0.05)
        XCTAssertEqual(budget.allowed(spec), 10)
        budget.recordRateLimited()
        XCTAssertEqual(budget.factor, 0.5)
        XCTAssertEqual(budget.allowed(spec), 5)
        budget.recordRateLimited()
        budget.recordRateLimited()
        XCTAssertEqual(budget.factor, 0.25, "never below the minimum")
        XCTAssertEqual(budget.allowed(spec), 2)
        var factors: [Double] = []
        for _ in 0..<20 {
            budget.recordSuccess()
            factors.append(budget.factor)
        }
        XCTAssertEqual(factors.first!, 0.30, accuracy: 1e-9)
        XCTAssertEqual(factors[9], 0.75, accuracy: 1e-9)
        XCTAssertEqual(factors.last!, 1, "fully recovered, not beyond")
        XCTAssertEqual(factors, factors.sorted(), "recovers gradually")
    }

    func testSlowedDownBudgetSendsHalfAsMany() throws {
        let spec = try RateLimitSpec(parsing: "10/1s")
        var budget = RateBudget(limits: [spec], recoveryPerSuccess: 0)
        budget.recordRateLimited()
        let sent = (0..<1000).map { _ in budget.reserve(now: start) }
        assertWithin(RateLimitSpec(limit: 5, interval: 1), sent)
        XCTAssertEqual(sent.last!.timeIntervalSince(start), 199, accuracy: 1e-9, "5 per second")
    }

    func testSlowdownOfALimitOfOneStretchesTheWindow() throws {
        var budget = RateBudget(limits: [try RateLimitSpec(parsing: "1/1s")], recoveryPerSuccess: 0)
        budget.recordRateLimited()
        let times = (0..<4).map { _ in budget.reserve(now: start).timeIntervalSince(start) }
        XCTAssertEqual(times, [0, 2, 4, 6])
    }

    func testSimulatedServerWith429sStaysWithinItsLimit() throws {
        // The API allows 4/1s; the plugin claims 10/1s. 429s slow the budget down until it fits.
        let spec = try RateLimitSpec(parsing: "10/1s")
        let real = RateLimitSpec(limit: 4, interval: 1)
        var budget = RateBudget(limits: [spec], recoveryPerSuccess: 0.01)
        var now = start
        var accepted: [Date] = []
        var rejected = 0
        for _ in 0..<10_000 {
            let at = budget.reserve(now: now)
            now = at
            let inWindow = accepted.reversed().prefix { now.timeIntervalSince($0) < real.interval }.count
            if inWindow < real.limit {
                accepted.append(now)
                budget.recordSuccess()
            } else {
                rejected += 1
                budget.recordRateLimited()
                budget.penalize(until: now.addingTimeInterval(1))
            }
        }
        assertWithin(real, accepted)
        assertWithin(spec, accepted)
        XCTAssertLessThan(rejected, 1000, "adapts instead of hammering: \(rejected) rejected")
        XCTAssertGreaterThan(accepted.count, 9000)
    }

    func testCombiningBudgetsCommitsAtTheLatestTime() throws {
        var perRoute = RateBudget(limits: [try RateLimitSpec(parsing: "1/1s")])
        var global = RateBudget(limits: [try RateLimitSpec(parsing: "2/10s")])
        var sent: [TimeInterval] = []
        for _ in 0..<4 {
            let at = max(perRoute.earliest(now: start), global.earliest(now: start))
            perRoute.commit(at: at)
            global.commit(at: at)
            sent.append(at.timeIntervalSince(start))
        }
        XCTAssertEqual(sent, [0, 1, 10, 11])
    }
}
