import XCTest

@testable import KontorCore

/// Functions and methods on datetimes, dates and durations, with an injected `now`.
final class ExpressionTimeTests: XCTestCase {
    typealias Case = ExpressionFixtures.Case

    func testNowAndStrftime() {
        ExpressionFixtures.assertValues([
            Case("now_utc()", "2024-03-05T07:08:09.123456Z"), Case("today_utc()", "2024-03-05"),
            Case("now_utc().strftime('%Y-%m-%d %H:%M:%S')", "2024-03-05 07:08:09"),
            Case("now_utc().strftime('%j %a %b %A %B')", "065 Tue Mar Tuesday March"),
            Case("now_utc().strftime('%s')", "1709622489"), Case("now_utc().strftime('%ms')", "1709622489123"),
            Case("now_utc().strftime('%z %Z %f')", "+0000 UTC 123456"),
            Case("now_utc().strftime('%y %I %p %-d/%-m %%')", "24 07 AM 5/3 %"),
            Case("now_utc().strftime('%F %T %u %w')", "2024-03-05 07:08:09 2 2"),
            Case("today_utc().strftime('%Y%m%d')", "20240305"), Case("now_utc().year", 2024), Case("now_utc().day", 5),
            Case("now_utc().isoformat()", "2024-03-05T07:08:09.123456+00:00"), Case("now_utc().date() == today_utc()", true),
        ])
    }

    func testDurationsAndDayDelta() {
        ExpressionFixtures.assertValues([
            Case("(now_utc() - duration('P1D')).strftime('%Y-%m-%d')", "2024-03-04"),
            Case("now_utc() - duration('P1D')", "2024-03-04T07:08:09.123456Z"),
            Case("now_utc() + duration('PT1H30M')", "2024-03-05T08:38:09.123456Z"),
            Case("duration('P1D') + now_utc()", "2024-03-06T07:08:09.123456Z"),
            Case("today_utc() - duration('P7D')", "2024-02-27"), Case("duration('P1D')", 86400),
            Case("duration('PT1.5S')", 1.5), Case("duration('P1D') * 2", 172_800), Case("duration('P1D').days", 1),
            Case("(now_utc() - str_to_datetime('2024-03-04T07:08:09.123456Z')).total_seconds()", 86400.0),
            Case("day_delta(25)", "2024-03-30T07:08:09.123456+0000"), Case("day_delta(-1, '%Y-%m-%d')", "2024-03-04"),
            Case("day_delta(-1, format='%d.%m.%Y')", "04.03.2024"),
        ])
    }

    func testParsingDates() {
        ExpressionFixtures.assertValues([
            Case("str_to_datetime('2024-01-15')", "2024-01-15T00:00:00Z"),
            Case("str_to_datetime('2024-01-15T10:20:30Z')", "2024-01-15T10:20:30Z"),
            Case("str_to_datetime('2024-01-15T12:20:30+02:00')", "2024-01-15T10:20:30Z"),
            Case("str_to_datetime('2024-01-15T05:20:30-0500')", "2024-01-15T10:20:30Z"),
            Case("str_to_datetime('2024-01-15 10:20:30.5')", "2024-01-15T10:20:30.500Z"),
            Case("str_to_datetime('2024-01-15T10:20:30.123456789Z')", "2024-01-15T10:20:30.123456Z"),
            Case("str_to_datetime('20240115T102030')", "2024-01-15T10:20:30Z"),
            Case("str_to_datetime('15/01/2024', '%d/%m/%Y')", "2024-01-15T00:00:00Z"),
            Case("format_datetime(config.start_date, '%Y-%m-%d')", "2024-01-15"),
            Case("format_datetime(config.start_date, '%s')", "1705314030"),
            Case("format_datetime(1705314030, '%Y-%m-%dT%H:%M:%SZ')", "2024-01-15T10:20:30Z"),
            Case("format_datetime('01/15/2024', '%Y-%m-%d', '%m/%d/%Y')", "2024-01-15"),
            Case("format_datetime(now_utc(), '%Y')", "2024"), Case("timestamp(1658505815.223235)", 1_658_505_815),
            Case("timestamp('2024-01-15T10:20:30Z')", 1_705_314_030.0),
            Case("str_to_datetime(config.start_date).timestamp()", 1_705_314_030.0),
            Case("str_to_datetime('2024-01-01') < now_utc()", true),
            Case("now_utc() > str_to_datetime(config.start_date)", true),
        ])
    }

    func testMinAndMax() {
        ExpressionFixtures.assertValues([
            Case("max(1, 5, 3)", 5), Case("min(1, 5, 3)", 1), Case("max([4, 9, 2])", 9),
            Case("max('2024-01-01', config.start_date)", "2024-01-15T10:20:30Z"),
            Case("max(str_to_datetime('2024-01-01'), now_utc() - duration('P90D'))", "2024-01-01T00:00:00Z"),
        ])
    }
}
