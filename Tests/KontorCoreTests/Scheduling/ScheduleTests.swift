import Foundation
import KontorCore
import XCTest

final class ScheduleTests: XCTestCase {
    private let date = { (text: String) in SchedulingFixtures.date(text) }
    private var noJitter = FixedRandomNumberGenerator.minimum

    func testEveryRunsAtOnceThenAtTheInterval() {
        let schedule = Schedule.every(900)
        let now = date("2025-01-01T10:00:00Z")
        let first = schedule.nextRun(after: nil, now: now, using: &noJitter)
        XCTAssertEqual(first, PlannedRun(slot: now, runAt: now, isCatchUp: false))
        let second = schedule.nextRun(after: now, now: now.addingTimeInterval(5), using: &noJitter)
        XCTAssertEqual(second?.slot, date("2025-01-01T10:15:00Z"))
        XCTAssertEqual(second?.runAt, date("2025-01-01T10:15:00Z"))
        XCTAssertEqual(second?.isCatchUp, false)
    }

    func testEveryMissedRunsRunOnceAndKeepThePhase() {
        let schedule = Schedule.every(900)
        let last = date("2025-01-01T10:00:00Z")
        let now = date("2025-01-01T13:07:00Z")   // down for three hours: twelve slots missed
        guard let catchUp = schedule.nextRun(after: last, now: now, using: &noJitter) else { return XCTFail("no run") }
        XCTAssertTrue(catchUp.isCatchUp)
        XCTAssertEqual(catchUp.runAt, now, "runs now, once")
        XCTAssertEqual(catchUp.slot, date("2025-01-01T13:00:00Z"), "stands for the latest missed slot")
        let after = schedule.nextRun(after: catchUp.slot, now: now.addingTimeInterval(60), using: &noJitter)
        XCTAssertEqual(after, PlannedRun(slot: date("2025-01-01T13:15:00Z"), runAt: date("2025-01-01T13:15:00Z"), isCatchUp: false))
    }

    func testEveryDueExactlyNowIsNotACatchUp() {
        let run = Schedule.every(60).nextRun(after: date("2025-01-01T10:00:00Z"), now: date("2025-01-01T10:01:00Z"), using: &noJitter)
        XCTAssertEqual(run?.isCatchUp, false)
        XCTAssertEqual(run?.runAt, date("2025-01-01T10:01:00Z"))
    }

    func testCronFirstRunWaitsForItsTime() throws {
        let schedule = Schedule.cron(try CronExpression(parsing: "0 6 * * *"), timeZone: SchedulingFixtures.berlin)
        let run = schedule.nextRun(after: nil, now: date("2025-01-01T10:00:00+01:00"), using: &noJitter)
        XCTAssertEqual(run?.runAt, date("2025-01-02T06:00:00+01:00"))
        XCTAssertEqual(run?.isCatchUp, false)
    }

    func testCronMissedRunsRunOnceThenTheNextSlotAfterNow() throws {
        let schedule = Schedule.cron(try CronExpression(parsing: "0 * * * *"), timeZone: SchedulingFixtures.utc)
        let last = date("2025-01-01T10:00:00Z")
        let now = date("2025-01-03T08:20:00Z")   // two days down: 46 hourly slots missed
        guard let catchUp = schedule.nextRun(after: last, now: now, using: &noJitter) else { return XCTFail("no run") }
        XCTAssertTrue(catchUp.isCatchUp)
        XCTAssertEqual(catchUp.runAt, now)
        let next = schedule.nextRun(after: catchUp.slot, now: now.addingTimeInterval(30), using: &noJitter)
        XCTAssertEqual(next, PlannedRun(slot: date("2025-01-03T09:00:00Z"), runAt: date("2025-01-03T09:00:00Z"), isCatchUp: false))
    }

    func testSimulatedOutageRunsOnceNotOncePerSlot() throws {
        let schedule = Schedule.cron(try CronExpression(parsing: "*/10 * * * *"), timeZone: SchedulingFixtures.utc)
        var random = SeededRandomNumberGenerator(seed: 1)
        var last: Date? = date("2025-01-01T00:00:00Z")
        var now = date("2025-01-01T05:03:00Z")   // restart after five hours
        var runs: [Date] = []
        while runs.count < 4, let run = schedule.nextRun(after: last, now: now, using: &random) {
            now = max(now, run.runAt)
            runs.append(now)
            last = run.slot
        }
        XCTAssertEqual(runs, [
            date("2025-01-01T05:03:00Z"), date("2025-01-01T05:10:00Z"),
            date("2025-01-01T05:20:00Z"), date("2025-01-01T05:30:00Z"),
        ])
    }

    func testManualAndImpossibleSchedulesHaveNoNextRun() throws {
        XCTAssertNil(Schedule.manual.nextRun(after: nil, now: date("2025-01-01T00:00:00Z"), using: &noJitter))
        let never = Schedule.cron(try CronExpression(parsing: "0 0 30 2 *"), timeZone: SchedulingFixtures.utc)
        XCTAssertNil(never.nextRun(after: nil, now: date("2025-01-01T00:00:00Z"), using: &noJitter))
        XCTAssertNil(Schedule.every(0).nextRun(after: nil, now: date("2025-01-01T00:00:00Z"), using: &noJitter))
    }

    func testJitterStaysWithinItsRange() throws {
        let schedules: [Schedule] = [
            .every(900, jitter: 30),
            .cron(try CronExpression(parsing: "*/5 * * * *"), timeZone: SchedulingFixtures.berlin, jitter: 30),
        ]
        var random = SeededRandomNumberGenerator(seed: 7)
        for schedule in schedules {
            var last = date("2025-01-01T00:00:00Z")
            var delays: [TimeInterval] = []
            for _ in 0..<500 {
                guard let run = schedule.nextRun(after: last, now: last, using: &random) else { return XCTFail("no run") }
                let delay = run.runAt.timeIntervalSince(run.slot)
                XCTAssertGreaterThanOrEqual(delay, 0)
                XCTAssertLessThanOrEqual(delay, 30)
                delays.append(delay)
                last = run.slot
            }
            XCTAssertGreaterThan(Set(delays).count, 400, "jitter varies")
            XCTAssertGreaterThan(delays.max() ?? 0, 25, "jitter uses its range")
        }
        var maximum = FixedRandomNumberGenerator.maximum
        let late = Schedule.every(60, jitter: 10).nextRun(after: nil, now: date("2025-01-01T00:00:00Z"), using: &maximum)
        XCTAssertEqual(late?.runAt.timeIntervalSince(date("2025-01-01T00:00:00Z")) ?? 0, 10, accuracy: 0.001)
    }

    func testCatchUpRunsAreJitteredToo() {
        var maximum = FixedRandomNumberGenerator.maximum
        let now = date("2025-01-01T12:00:00Z")
        let run = Schedule.every(60, jitter: 20).nextRun(after: date("2025-01-01T00:00:00Z"), now: now, using: &maximum)
        XCTAssertEqual(run?.isCatchUp, true)
        XCTAssertEqual(run?.runAt.timeIntervalSince(now) ?? 0, 20, accuracy: 0.001)
    }

    func testSchemaAcceptsTheThreeForms() {
        guard case let .either(alternatives) = Schedule.schema else { return XCTFail("schedule schema is not a choice") }
        XCTAssertEqual(alternatives.count, 3)
        guard case let .string(choices, _) = alternatives[0] else { return XCTFail("first form is not 'manual'") }
        XCTAssertEqual(choices, ["manual"])
        guard case let .object(every) = alternatives[1], case let .object(cron) = alternatives[2] else {
            return XCTFail("interval and cron forms are objects")
        }
        XCTAssertEqual(every.requiredKeys, ["every"])
        XCTAssertEqual(Set(every.properties.keys), ["every", "jitter"])
        XCTAssertEqual(cron.requiredKeys, ["cron"])
        XCTAssertEqual(Set(cron.properties.keys), ["cron", "timezone", "jitter"])
        XCTAssertEqual(cron.properties["timezone"]?.defaultValue, "UTC")
    }
}
