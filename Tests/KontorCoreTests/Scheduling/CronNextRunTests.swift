import Foundation
import KontorCore
import XCTest

final class CronNextRunTests: XCTestCase {
    private struct Row {
        var expression: String
        var zone: String
        var after: String
        /// The expected next run with its offset, or nil when the expression never fires.
        var expected: String?
        var note: String
        var line: UInt

        init(_ expression: String, _ zone: String, _ after: String, _ expected: String?, _ note: String, line: UInt = #line) {
            self.expression = expression
            self.zone = zone
            self.after = after
            self.expected = expected
            self.note = note
            self.line = line
        }
    }

    private let utc = "UTC"
    private let berlin = "Europe/Berlin"

    private var rows: [Row] {
        [
            // Basics, steps, lists.
            Row("* * * * *", utc, "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "every minute"),
            Row("* * * * *", utc, "2025-01-01T00:00:30Z", "2025-01-01T00:01:00Z", "seconds are dropped"),
            Row("*/15 * * * *", utc, "2025-01-01T00:00:00Z", "2025-01-01T00:15:00Z", "step"),
            Row("*/15 * * * *", utc, "2025-01-01T00:14:59Z", "2025-01-01T00:15:00Z", "just before a slot"),
            Row("*/15 * * * *", utc, "2025-01-01T00:45:00Z", "2025-01-01T01:00:00Z", "wraps to the next hour"),
            Row("10-50/10 * * * *", utc, "2025-01-01T00:10:00Z", "2025-01-01T00:20:00Z", "range with step"),
            Row("10-50/10 * * * *", utc, "2025-01-01T00:50:00Z", "2025-01-01T01:10:00Z", "range with step wraps"),
            Row("5/20 * * * *", utc, "2025-01-01T00:06:00Z", "2025-01-01T00:25:00Z", "N/step means N-59/step"),
            Row("1,15 * * * *", utc, "2025-01-01T00:01:00Z", "2025-01-01T00:15:00Z", "list"),
            Row("1,15 * * * *", utc, "2025-01-01T00:15:00Z", "2025-01-01T01:01:00Z", "list wraps"),
            Row("0 0 * * *", utc, "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "year change"),
            Row("59 23 31 12 *", utc, "2025-01-01T00:00:00Z", "2025-12-31T23:59:00Z", "last minute of the year"),
            // Names, Sunday as 0 or 7.
            Row("0 9 * * mon-fri", utc, "2025-01-03T09:00:00Z", "2025-01-06T09:00:00Z", "Friday to Monday"),
            Row("0 9 * * MON-FRI", utc, "2025-01-04T12:00:00Z", "2025-01-06T09:00:00Z", "names are case-insensitive"),
            Row("0 0 * * 7", utc, "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "7 is Sunday"),
            Row("0 0 * * 0", utc, "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "0 is Sunday"),
            Row("0 0 * * Sun", utc, "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "sun"),
            Row("0 0 * * 5-7", utc, "2025-01-05T00:00:00Z", "2025-01-10T00:00:00Z", "fri-sun range through 7"),
            Row("0 12 * jan,JUL *", utc, "2025-01-31T12:00:00Z", "2025-07-01T12:00:00Z", "month names"),
            Row("0 0 1 * *", utc, "2025-01-15T00:00:00Z", "2025-02-01T00:00:00Z", "first of the month"),
            // Month ends and leap years.
            Row("0 0 31 * *", utc, "2025-01-31T00:00:00Z", "2025-03-31T00:00:00Z", "skips February"),
            Row("0 0 31 * *", utc, "2025-03-31T00:00:00Z", "2025-05-31T00:00:00Z", "skips April"),
            Row("0 0 30 * *", utc, "2025-01-30T00:00:00Z", "2025-03-30T00:00:00Z", "30 skips February"),
            Row("0 0 29 2 *", utc, "2025-01-01T00:00:00Z", "2028-02-29T00:00:00Z", "next leap day"),
            Row("0 0 29 2 *", utc, "2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z", "leap day to leap day"),
            Row("0 0 29 2 *", utc, "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z", "2100 is not a leap year"),
            Row("0 0 28-31 2 *", utc, "2025-02-28T00:00:00Z", "2026-02-28T00:00:00Z", "February end, common year"),
            Row("0 0 30 2 *", utc, "2025-01-01T00:00:00Z", nil, "30 February never comes"),
            Row("0 0 31 4,6,9,11 *", utc, "2025-01-01T00:00:00Z", nil, "31 April never comes"),
            // Day-of-month OR day-of-week when both are restricted (Vixie cron).
            Row("0 0 1,15 * mon", utc, "2025-01-01T00:00:00Z", "2025-01-06T00:00:00Z", "Monday before the 15th"),
            Row("0 0 1,15 * mon", utc, "2025-01-13T00:00:00Z", "2025-01-15T00:00:00Z", "the 15th, a Wednesday"),
            Row("0 0 13 * fri", utc, "2025-06-01T00:00:00Z", "2025-06-06T00:00:00Z", "any Friday or the 13th"),
            Row("0 0 13 * fri", utc, "2025-06-06T00:00:00Z", "2025-06-13T00:00:00Z", "the 13th"),
            Row("0 0 */2 * mon", utc, "2025-01-01T00:00:00Z", "2025-01-13T00:00:00Z", "dom starting with * means AND"),
            Row("0 0 * * mon", utc, "2025-01-01T00:00:00Z", "2025-01-06T00:00:00Z", "dom * means day-of-week only"),
            // Macros.
            Row("@hourly", utc, "2025-01-01T00:30:00Z", "2025-01-01T01:00:00Z", "@hourly"),
            Row("@daily", utc, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z", "@daily"),
            Row("@midnight", utc, "2025-01-01T12:00:00Z", "2025-01-02T00:00:00Z", "@midnight"),
            Row("@weekly", utc, "2025-01-01T00:00:00Z", "2025-01-05T00:00:00Z", "@weekly is Sunday"),
            Row("@monthly", utc, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", "@monthly"),
            Row("@yearly", utc, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "@yearly"),
            Row("@ANNUALLY", utc, "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "macros are case-insensitive"),
            // Time zones.
            Row("0 9 * * *", berlin, "2025-01-01T09:00:00+01:00", "2025-01-02T09:00:00+01:00", "Berlin winter"),
            Row("0 9 * * *", berlin, "2025-07-01T09:00:00+02:00", "2025-07-02T09:00:00+02:00", "Berlin summer"),
            Row("0 9 * * *", berlin, "2025-01-01T07:59:00Z", "2025-01-01T09:00:00+01:00", "UTC input, local run"),
            Row("0 0 * * *", "Asia/Kolkata", "2025-01-01T00:00:00+05:30", "2025-01-02T00:00:00+05:30", "half-hour offset"),
            Row("30 2 * * *", "America/New_York", "2025-03-08T02:30:00-05:00", "2025-03-09T03:00:00-04:00", "New York gap"),
            // Berlin spring forward: 2025-03-30, 02:00 CET -> 03:00 CEST.
            Row("30 2 * * *", berlin, "2025-03-29T02:30:00+01:00", "2025-03-30T03:00:00+02:00", "skipped time runs at 03:00"),
            Row("30 2 * * *", berlin, "2025-03-30T03:00:00+02:00", "2025-03-31T02:30:00+02:00", "and not again that day"),
            Row("0 2 * * *", berlin, "2025-03-29T12:00:00+01:00", "2025-03-30T03:00:00+02:00", "02:00 does not exist either"),
            Row("0,30 2-3 * * *", berlin, "2025-03-30T01:30:00+01:00", "2025-03-30T03:00:00+02:00", "02:00, 02:30, 03:00 collapse"),
            Row("0,30 2-3 * * *", berlin, "2025-03-30T03:00:00+02:00", "2025-03-30T03:30:00+02:00", "once, then 03:30"),
            Row("0 3 * * *", berlin, "2025-03-29T12:00:00+01:00", "2025-03-30T03:00:00+02:00", "03:00 exists"),
            Row("0 1 * * *", berlin, "2025-03-29T12:00:00+01:00", "2025-03-30T01:00:00+01:00", "before the gap"),
            Row("30 * * * *", berlin, "2025-03-30T01:30:00+01:00", "2025-03-30T03:30:00+02:00", "hourly job skips the gap"),
            Row("*/15 * * * *", berlin, "2025-03-30T01:45:00+01:00", "2025-03-30T03:00:00+02:00", "15 real minutes later"),
            // Berlin fall back: 2025-10-26, 03:00 CEST -> 02:00 CET.
            Row("30 2 * * *", berlin, "2025-10-26T00:00:00+02:00", "2025-10-26T02:30:00+02:00", "first pass of the hour"),
            Row("30 2 * * *", berlin, "2025-10-26T02:30:00+02:00", "2025-10-27T02:30:00+01:00", "not again in the second pass"),
            Row("30 2 * * *", berlin, "2025-10-26T02:10:00+01:00", "2025-10-27T02:30:00+01:00", "from inside the second pass"),
            Row("0 2 * * *", berlin, "2025-10-25T02:00:00+02:00", "2025-10-26T02:00:00+02:00", "02:00 once, CEST"),
            Row("0 3 * * *", berlin, "2025-10-26T02:30:00+02:00", "2025-10-26T03:00:00+01:00", "03:00 after the repeat"),
            Row("0 * * * *", berlin, "2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00", "hourly job runs in both passes"),
            Row("*/30 * * * *", berlin, "2025-10-26T02:30:00+02:00", "2025-10-26T02:00:00+01:00", "30 real minutes later"),
            Row("*/30 * * * *", berlin, "2025-10-26T02:30:00+01:00", "2025-10-26T03:00:00+01:00", "and on after the repeat"),
        ]
    }

    func testNextRunTable() throws {
        XCTAssertGreaterThanOrEqual(rows.count, 40)
        for row in rows {
            let cron = try CronExpression(parsing: row.expression)
            let zone = SchedulingFixtures.zone(row.zone)
            XCTAssertEqual(zone.identifier == "GMT" ? "UTC" : zone.identifier, row.zone, "zone missing", line: row.line)
            let next = cron.next(after: SchedulingFixtures.date(row.after), in: zone)
            XCTAssertEqual(
                SchedulingFixtures.format(next, in: zone),
                row.expected.map { SchedulingFixtures.format(SchedulingFixtures.date($0), in: zone) } ?? "nil",
                "\(row.expression) after \(row.after): \(row.note)", line: row.line
            )
        }
    }

    /// Walking a whole DST day run by run: each fixed time once, the hourly job in both passes.
    func testRunsOnceAcrossTheAutumnRepeat() throws {
        let cron = try CronExpression(parsing: "30 1-3 * * *")
        var runs: [String] = []
        var time = SchedulingFixtures.date("2025-10-26T00:00:00+02:00")
        while let next = cron.next(after: time, in: SchedulingFixtures.berlin), next < SchedulingFixtures.date("2025-10-26T12:00:00+01:00") {
            runs.append(SchedulingFixtures.format(next, in: SchedulingFixtures.berlin))
            time = next
        }
        XCTAssertEqual(runs, ["2025-10-26T01:30:00+02:00", "2025-10-26T02:30:00+02:00", "2025-10-26T03:30:00+01:00"])
    }

    func testRunsOnceAcrossTheSpringGap() throws {
        let cron = try CronExpression(parsing: "*/20 2 * * *")
        let fixed = try CronExpression(parsing: "0,20,40 2 * * *")
        var time = SchedulingFixtures.date("2025-03-30T00:00:00+01:00")
        var runs: [String] = []
        while let next = fixed.next(after: time, in: SchedulingFixtures.berlin), runs.count < 3 {
            runs.append(SchedulingFixtures.format(next, in: SchedulingFixtures.berlin))
            time = next
        }
        XCTAssertEqual(runs, ["2025-03-30T03:00:00+02:00", "2025-03-31T02:00:00+02:00", "2025-03-31T02:20:00+02:00"])
        // The same times written with `*/20` follow absolute time: nothing on the gap day.
        let wild = cron.next(after: SchedulingFixtures.date("2025-03-30T00:00:00+01:00"), in: SchedulingFixtures.berlin)
        XCTAssertEqual(SchedulingFixtures.format(wild, in: SchedulingFixtures.berlin), "2025-03-31T02:00:00+02:00")
    }

    func testEveryFifteenMinutesAcrossBothChangesNeverSkipsOrRepeats() throws {
        let cron = try CronExpression(parsing: "*/15 * * * *")
        for start in ["2025-03-25T00:00:00+01:00", "2025-10-21T00:00:00+02:00"] {
            var time = SchedulingFixtures.date(start)
            for _ in 0..<(4 * 24 * 10) {
                guard let next = cron.next(after: time, in: SchedulingFixtures.berlin) else { return XCTFail("no next run") }
                XCTAssertEqual(next.timeIntervalSince(time), 900, "at \(SchedulingFixtures.format(time, in: SchedulingFixtures.berlin))")
                time = next
            }
        }
    }
}
