import KontorCore
import XCTest

final class CronParsingTests: XCTestCase {
    func testInvalidExpressionsReportOffsetAndMessage() {
        let fields = "minute hour day-of-month month day-of-week"
        let rows: [(String, Int, String, UInt)] = [
            ("", 0, "empty cron expression; expected 5 fields (\(fields)) or a macro such as @daily", #line),
            ("   ", 0, "empty cron expression; expected 5 fields (\(fields)) or a macro such as @daily", #line),
            ("* * * *", 7, "expected 5 fields (\(fields)) but found 4", #line),
            ("* * * * * *", 10, "expected 5 fields (\(fields)) but found 6", #line),
            ("61 * * * *", 0, "minute value 61 out of range 0-59", #line),
            ("0 24 * * *", 2, "hour value 24 out of range 0-23", #line),
            ("0 0 0 * *", 4, "day-of-month value 0 out of range 1-31", #line),
            ("0 0 32 * *", 4, "day-of-month value 32 out of range 1-31", #line),
            ("0 0 1 13 *", 6, "month value 13 out of range 1-12", #line),
            ("0 0 * * 8", 8, "day-of-week value 8 out of range 0-7", #line),
            ("0 0 * 1-13 *", 8, "month value 13 out of range 1-12", #line),
            ("0 0 * * tues", 8, "unknown day-of-week name 'tues'; did you mean 'tue'?", #line),
            ("0 0 * foo *", 6, "unknown month name 'foo'; expected a number or one of jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec", #line),
            ("  0 0 * * x", 10, "unknown day-of-week name 'x'; expected a number or one of sun, mon, tue, wed, thu, fri, sat", #line),
            ("jan * * * *", 0, "invalid minute value 'jan'; expected a number", #line),
            ("50-10 * * * *", 0, "minute range 50-10 runs backwards; the start must not exceed the end", #line),
            ("0 0 * * fri-mon", 8, "day-of-week range fri-mon runs backwards; the start must not exceed the end", #line),
            ("*/0 * * * *", 2, "minute step 0 out of range 1-60", #line),
            ("0 */25 * * *", 4, "hour step 25 out of range 1-24", #line),
            ("*/x * * * *", 2, "invalid minute step 'x'; expected a number", #line),
            ("1,,2 * * * *", 2, "empty item in minute list '1,,2'", #line),
            ("5- * * * *", 2, "minute range is missing a number", #line),
            ("0 0 1-2-3 * *", 7, "day-of-month range '1-2-3' has more than one '-'", #line),
            ("0 0 * * 1/2/3", 11, "day-of-week item '1/2/3' has more than one '/'", #line),
            ("@dayly", 0, "unknown macro '@dayly'; did you mean '@daily'?", #line),
            ("@every 5m", 0, "unknown macro '@every'; expected @hourly, @daily, @weekly, @monthly or @yearly", #line),
            ("@reboot", 0, "@reboot is not supported: a schedule runs at times, not at start-up", #line),
            ("@daily 5", 7, "unexpected text '5' after @daily", #line),
        ]
        XCTAssertGreaterThanOrEqual(rows.count, 12)
        for (source, offset, message, line) in rows {
            do {
                let parsed = try CronExpression(parsing: source)
                XCTFail("'\(source)' parsed as \(parsed.allowedMinutes)", line: line)
            } catch {
                XCTAssertEqual(error, CronError(offset: offset, message), "'\(source)'", line: line)
            }
        }
    }

    func testDescriptionNamesTheOffset() {
        XCTAssertEqual(CronError(offset: 3, "hour value 24 out of range 0-23").description, "at offset 3: hour value 24 out of range 0-23")
    }

    func testAllowedValues() throws {
        let rows: [(String, KeyPath<CronExpression, [Int]>, [Int], UInt)] = [
            ("*/15 * * * *", \.allowedMinutes, [0, 15, 30, 45], #line),
            ("5/15 * * * *", \.allowedMinutes, [5, 20, 35, 50], #line),
            ("10-50/10 * * * *", \.allowedMinutes, [10, 20, 30, 40, 50], #line),
            ("1,15,1 * * * *", \.allowedMinutes, [1, 15], #line),
            ("0 */6 * * *", \.allowedHours, [0, 6, 12, 18], #line),
            ("0 9-11,14 * * *", \.allowedHours, [9, 10, 11, 14], #line),
            ("0 0 * JAN,jul *", \.allowedMonths, [1, 7], #line),
            ("0 0 * feb-apr *", \.allowedMonths, [2, 3, 4], #line),
            ("0 0 * * 7", \.allowedDaysOfWeek, [0], #line),
            ("0 0 * * mon-fri", \.allowedDaysOfWeek, [1, 2, 3, 4, 5], #line),
            ("0 0 * * 5-7", \.allowedDaysOfWeek, [0, 5, 6], #line),
            ("0 0 * * *", \.allowedDaysOfWeek, [0, 1, 2, 3, 4, 5, 6], #line),
            ("0 0 * * 1/2", \.allowedDaysOfWeek, [1, 3, 5], #line),
            ("0 0 1,31 * *", \.allowedDaysOfMonth, [1, 31], #line),
            ("@weekly", \.allowedDaysOfWeek, [0], #line),
            ("@monthly", \.allowedDaysOfMonth, [1], #line),
        ]
        for (source, path, expected, line) in rows {
            XCTAssertEqual(try CronExpression(parsing: source)[keyPath: path], expected, source, line: line)
        }
    }

    func testWildcardFlagFollowsVixieCron() throws {
        XCTAssertTrue(try CronExpression(parsing: "*/15 2 * * *").followsAbsoluteTime)
        XCTAssertTrue(try CronExpression(parsing: "0 * * * *").followsAbsoluteTime)
        XCTAssertTrue(try CronExpression(parsing: "@hourly").followsAbsoluteTime)
        XCTAssertFalse(try CronExpression(parsing: "30 2 * * *").followsAbsoluteTime)
        XCTAssertFalse(try CronExpression(parsing: "@daily").followsAbsoluteTime)
    }

    func testSourceIsKept() throws {
        let cron = try CronExpression(parsing: "0 6 * * mon-fri")
        XCTAssertEqual(cron.description, "0 6 * * mon-fri")
        XCTAssertEqual(cron, try CronExpression(parsing: "0 6 * * mon-fri"))
    }
}
