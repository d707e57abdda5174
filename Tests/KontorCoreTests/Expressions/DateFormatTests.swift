import Foundation
import XCTest

@testable import KontorCore

/// strftime / strptime and the named date formats reused by incremental cursors.
final class DateFormatTests: XCTestCase {
    private let instant = Date(timeIntervalSince1970: 1_705_314_030)  // 2024-01-15T10:20:30Z, a Monday

    func testNamedFormats() {
        XCTAssertEqual(DateFormat.rfc3339.string(from: instant), "2024-01-15T10:20:30Z")
        XCTAssertEqual(DateFormat.rfc3339.string(from: instant.addingTimeInterval(0.25)), "2024-01-15T10:20:30.250Z")
        XCTAssertEqual(DateFormat.rfc3339.string(from: instant.addingTimeInterval(0.000_001)), "2024-01-15T10:20:30.000001Z")
        XCTAssertEqual(DateFormat.unix.string(from: instant), "1705314030")
        XCTAssertEqual(DateFormat.unix.value(from: instant), 1_705_314_030)
        XCTAssertEqual(DateFormat.unixMilliseconds.value(from: instant.addingTimeInterval(0.5)), 1_705_314_030_500)
        XCTAssertEqual(DateFormat.date.string(from: instant), "2024-01-15")
        XCTAssertEqual(DateFormat.date.value(from: instant), "2024-01-15")
        XCTAssertEqual(DateFormat("%s").kind, .unix)
        XCTAssertEqual(DateFormat("unix_ms").kind, .unixMilliseconds)
        XCTAssertEqual(DateFormat.unix.date(from: .int(1_705_314_030)), instant)
        XCTAssertEqual(DateFormat.unixMilliseconds.date(from: "1705314030000"), instant)
        XCTAssertEqual(DateFormat.date.date(from: "2024-01-15"), Date(timeIntervalSince1970: 1_705_276_800))
        XCTAssertNil(DateFormat.unix.date(from: "soon"))
    }

    func testStrftimeCodes() {
        let cases: [(String, String)] = [
            ("%Y-%m-%dT%H:%M:%S%z", "2024-01-15T10:20:30+0000"), ("%Y-%m-%dT%H:%M:%S.%f%z", "2024-01-15T10:20:30.000000+0000"),
            ("%a %A %b %B", "Mon Monday Jan January"), ("%j %U", "015 %U"), ("%I:%M %p", "10:20 AM"), ("%y%m%d", "240115"),
            ("%s", "1705314030"), ("%ms", "1705314030000"), ("%e|%-d|%-H", "15|15|10"), ("%D %R %T", "01/15/24 10:20 10:20:30"),
            ("%c", "Mon Jan 15 10:20:30 2024"), ("%%Y", "%Y"), ("%Z", "UTC"), ("literal", "literal"),
        ]
        for (pattern, expected) in cases {
            XCTAssertEqual(DateFormat(pattern).string(from: instant), expected, pattern)
        }
        XCTAssertEqual(DateFormat("%j %U").problems, ["unknown directive '%U'"])
        XCTAssertEqual(DateFormat("%Y-%m-%d").problems, [])
    }

    func testStrptime() {
        let cases: [(String, String, TimeInterval?)] = [
            ("%Y-%m-%dT%H:%M:%S%z", "2024-01-15T12:20:30+0200", 1_705_314_030),
            ("%Y-%m-%dT%H:%M:%S%z", "2024-01-15T12:20:30+02:00", 1_705_314_030),
            ("%Y-%m-%dT%H:%M:%S%z", "2024-01-15T10:20:30Z", 1_705_314_030),
            ("%Y-%m-%dT%H:%M:%S.%f%z", "2024-01-15T10:20:30.5+0000", 1_705_314_030.5),
            ("%Y-%m-%d %H:%M:%S", "2024-01-15 10:20:30", 1_705_314_030), ("%Y-%m-%d %H:%M:%S", "2024-01-15   10:20:30", 1_705_314_030),
            ("%d/%m/%Y %I:%M %p", "15/01/2024 10:20 am", 1_705_314_000), ("%d/%m/%Y %I:%M %p", "15/01/2024 12:20 PM", 1_705_321_200),
            ("%b %d %Y %H:%M:%S", "Jan 15 2024 10:20:30", 1_705_314_030), ("%B %d, %Y", "January 15, 2024", 1_705_276_800),
            ("%a, %d %b %Y %H:%M:%S %Z", "Mon, 15 Jan 2024 10:20:30 GMT", 1_705_314_030),
            ("%Y %j", "2024 015", 1_705_276_800), ("%y-%m-%d", "24-01-15", 1_705_276_800), ("%s", "1705314030", 1_705_314_030),
            ("%ms", "1705314030000", 1_705_314_030), ("%Y-%m-%d", "2024-02-30", nil), ("%Y-%m-%d", "2024-01-15x", nil),
            ("%Y-%m-%d", "24-01-15", nil), ("%H:%M", "25:00", nil), ("%Y %j", "2023 366", nil), ("%Y-%m-%d", "", nil),
        ]
        for (pattern, text, expected) in cases {
            XCTAssertEqual(DateFormat(pattern).date(from: text)?.timeIntervalSince1970, expected, "\(pattern) ← \(text)")
        }
    }

    func testISO8601Parsing() {
        let cases: [(String, TimeInterval?)] = [
            ("2024-01-15T10:20:30Z", 1_705_314_030), ("2024-01-15t10:20:30z", 1_705_314_030), ("2024-01-15T10:20:30", 1_705_314_030),
            ("2024-01-15 10:20:30+00:00", 1_705_314_030), ("2024-01-15T11:20:30+01", 1_705_314_030),
            ("2024-01-15T10:20:30.250Z", 1_705_314_030.25), ("2024-01-15T10:20:30,250Z", 1_705_314_030.25),
            ("2024-01-15T10:20Z", 1_705_314_000), ("20240115T102030Z", 1_705_314_030), ("2024-01-15", 1_705_276_800),
            ("2024-01", 1_704_067_200), ("2024", 1_704_067_200), ("2024-13-01", nil), ("2024-01-15T", nil), ("Jan 2024", nil),
            ("2024-01-15T10:20:30+25:00", nil), ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateFormat.rfc3339.date(from: text)?.timeIntervalSince1970, expected, text)
        }
    }

    func testRoundTripsAcrossTheCalendar() {
        // Every 9,999,991 seconds from 1901 to 2099 (leap years, month ends, both signs of the epoch).
        let patterns = ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S.%f", "%d %b %Y %I:%M:%S %p", "%s", "%Y %j %H%M%S", "rfc3339"]
        var seconds: Int64 = -2_177_452_800
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let fields = CivilFields(days: Int(seconds.floorDivided(by: 86_400).quotient))
            XCTAssertEqual(CivilFields.days(year: fields.year, month: fields.month, day: fields.day), fields.daysSinceEpoch)
            for pattern in patterns {
                let format = DateFormat(pattern)
                XCTAssertEqual(format.date(from: format.string(from: date)), date, "\(pattern) at \(seconds)")
            }
            seconds += 9_999_991
        }
    }

    func testCivilCalendarAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        for days in stride(from: -40_000, through: 60_000, by: 997) {
            let date = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
            let expected = calendar.dateComponents([.year, .month, .day, .weekday, .dayOfYear], from: date)
            let fields = CivilFields(days: days)
            XCTAssertEqual([fields.year, fields.month, fields.day], [expected.year, expected.month, expected.day].map { $0 ?? 0 })
            XCTAssertEqual(fields.weekdayFromSunday + 1, expected.weekday)
            XCTAssertEqual(fields.dayOfYear, expected.dayOfYear)
        }
    }
}
