import Foundation
import XCTest

@testable import KontorTesting

final class HarnessPrimitivesTests: XCTestCase {
    func testQueryParametersDecodeLikeAWebServer() {
        let table: [(String?, String, [String])] = [
            ("a=1&b=2&a=3", "a", ["1", "3"]),
            ("q=SELECT+Id+FROM+Contact", "q", ["SELECT Id FROM Contact"]),
            ("t=2024-01-01T00%3A00%3A00%2B00%3A00", "t", ["2024-01-01T00:00:00+00:00"]),
            ("flag&x=", "flag", [""]),
            ("bad=%zz", "bad", ["%zz"]),
            (nil, "a", []),
        ]
        for (raw, name, expected) in table {
            XCTAssertEqual(QueryParameters(raw: raw).all(name), expected, raw ?? "nil")
        }
        XCTAssertEqual(QueryParameters.encode([("a b", "x/y+z")]), "a%20b=x%2Fy%2Bz")
    }

    func testTimestampsFormatInEachStyle() {
        let date = Date(timeIntervalSince1970: 1_709_294_400.25)  // 2024-03-01T12:00:00.250Z
        let table: [(EmulatorTimestamp.Style, String)] = [
            (.zulu, "2024-03-01T12:00:00Z"), (.zuluMilliseconds, "2024-03-01T12:00:00.250Z"),
            (.offset, "2024-03-01T12:00:00+00:00"), (.compactOffset, "2024-03-01T12:00:00+0000"),
            (.millisecondsCompactOffset, "2024-03-01T12:00:00.250+0000"), (.local, "2024-03-01T12:00:00"),
        ]
        for (style, expected) in table { XCTAssertEqual(EmulatorTimestamp.format(date, style), expected) }
    }

    func testTimestampsParseTheSpellingsClientsSend() {
        let table: [(String, TimeInterval?)] = [
            ("2024-03-01T12:00:00Z", 1_709_294_400), ("2024-03-01T12:00:00", 1_709_294_400),
            ("2024-03-01T14:00:00+02:00", 1_709_294_400), ("2024-03-01T07:00:00-0500", 1_709_294_400),
            ("2024-03-01T12:00:00.500Z", 1_709_294_400.5), ("2024-03-01", 1_709_251_200),
            ("1709294400", 1_709_294_400), ("1969-12-31T23:59:59Z", -1),
            ("yesterday", nil), ("2024-13-01T00:00:00Z", nil), ("2024-03-01T12:00:00Zjunk", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(EmulatorTimestamp.parse(text)?.timeIntervalSince1970, expected, text)
        }
    }

    func testLeakyBucketFillsAndDrains() {
        var bucket = LeakyBucket(capacity: 3, leakPerSecond: 2)
        let start = Date(timeIntervalSince1970: 0)
        XCTAssertEqual((0..<4).map { _ in bucket.take(at: start).admitted }, [true, true, true, false])
        XCTAssertEqual(bucket.take(at: start.addingTimeInterval(0.5)).admitted, true)  // one leaked
        XCTAssertEqual(bucket.take(at: start.addingTimeInterval(0.5)).admitted, false)
        let later = bucket.take(at: start.addingTimeInterval(10))
        XCTAssertTrue(later.admitted)
        XCTAssertEqual(later.used, 1)
    }

    func testSlidingWindowCountsARollingWindow() {
        var window = SlidingWindow(limit: 2, window: 10)
        let start = Date(timeIntervalSince1970: 0)
        XCTAssertEqual(window.take(at: start).remaining, 1)
        XCTAssertEqual(window.take(at: start.addingTimeInterval(4)).remaining, 0)
        let refused = window.take(at: start.addingTimeInterval(9))
        XCTAssertFalse(refused.admitted)
        XCTAssertEqual(refused.resetAfter, 1, accuracy: 0.001)
        XCTAssertTrue(window.take(at: start.addingTimeInterval(10)).admitted)
        XCTAssertFalse(window.take(at: start.addingTimeInterval(13)).admitted)
    }

    func testPageSizeLimitRejectsOrClampsAndRecords() throws {
        let log = RequestLog()
        let reject = PageSizeLimit(defaultSize: 10, maximum: 100)
        let clamp = PageSizeLimit(defaultSize: 10, maximum: 100, overflow: .clamp)
        let bad = { (_: String) in EmulatorReply(status: 400) }
        XCTAssertEqual(try reject.resolve(nil, endpoint: "e", log: log, rejection: bad), 10)
        XCTAssertEqual(try reject.resolve("100", endpoint: "e", log: log, rejection: bad), 100)
        XCTAssertThrowsError(try reject.resolve("101", endpoint: "e", log: log, rejection: bad)) { error in
            XCTAssertEqual((error as? EmulatorRejection)?.violation?.kind, .pageSize)
        }
        XCTAssertThrowsError(try reject.resolve("0", endpoint: "e", log: log, rejection: bad))
        XCTAssertThrowsError(try reject.resolve("ten", endpoint: "e", log: log, rejection: bad))
        XCTAssertEqual(try clamp.resolve("500", endpoint: "e", log: log, rejection: bad), 100)
        XCTAssertEqual(log.violations, [LimitViolation(.pageSize, endpoint: "e", detail: "500 > 100")])
    }
}
