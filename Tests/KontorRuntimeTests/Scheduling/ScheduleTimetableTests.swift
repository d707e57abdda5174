import Foundation
import KontorCore
import KontorRuntime
import XCTest

final class ScheduleTimetableTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC

    func testEveryRunsFirstAtOnceThenKeepsItsPhase() {
        let timetable = ScheduleTimetable(name: "source:shop", schedule: .every(900))
        XCTAssertEqual(timetable.firstSlot(now: t0), t0)
        XCTAssertEqual(timetable.slot(after: t0, now: t0.addingTimeInterval(30)), t0.addingTimeInterval(900))
    }

    func testMissedSlotsRunOnceThenTheFirstRegularSlotAfterNow() {
        let timetable = ScheduleTimetable(name: "source:shop", schedule: .every(900))
        // Down for five hours: the run that just happened stood for all 20 missed slots.
        let now = t0.addingTimeInterval(5 * 3600 + 100)
        let next = timetable.slot(after: t0, now: now)
        XCTAssertEqual(next, t0.addingTimeInterval(5 * 3600 + 900), "phase kept, one slot after now")
        XCTAssertGreaterThan(next!, now)
    }

    func testCronWaitsForItsFirstTimeAndSkipsMissedOnes() throws {
        let cron = try CronExpression(parsing: "0 6 * * *")
        let timetable = ScheduleTimetable(name: "destination:news", schedule: .cron(cron, timeZone: TimeZone(identifier: "Europe/Berlin")!))
        let first = try XCTUnwrap(timetable.firstSlot(now: t0))
        XCTAssertEqual(first, Date(timeIntervalSince1970: 1_700_024_400))  // 2023-11-15 06:00 CET
        let afterOutage = first.addingTimeInterval(3 * 86_400 + 3600)
        XCTAssertEqual(timetable.slot(after: first, now: afterOutage), first.addingTimeInterval(4 * 86_400))
    }

    func testJitterIsDeterministicPerJobAndSlotAndWithinBounds() {
        let a = ScheduleTimetable(name: "source:a", schedule: .every(900, jitter: 60))
        let b = ScheduleTimetable(name: "source:b", schedule: .every(900, jitter: 60))
        var starts: Set<Date> = []
        for index in 0..<50 {
            let slot = t0.addingTimeInterval(Double(index) * 900)
            let start = a.startTime(of: slot)
            XCTAssertEqual(start, a.startTime(of: slot), "the same slot always starts at the same moment")
            XCTAssertGreaterThanOrEqual(start, slot)
            XCTAssertLessThanOrEqual(start, slot.addingTimeInterval(60))
            starts.insert(start.addingTimeInterval(-Double(index) * 900))
        }
        XCTAssertGreaterThan(starts.count, 10, "jitter varies from slot to slot")
        XCTAssertNotEqual(a.startTime(of: t0), b.startTime(of: t0), "two jobs do not start in the same second")
    }

    func testManualHasNoSlots() {
        let timetable = ScheduleTimetable(name: "source:x", schedule: .manual)
        XCTAssertNil(timetable.firstSlot(now: t0))
        XCTAssertNil(timetable.slot(after: t0, now: t0))
    }
}
