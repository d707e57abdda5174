import Foundation
import KontorCore
import XCTest

final class ServerWaitRulesTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)   // 2023-11-14T22:13:20Z

    func testRetryAfter() {
        let rows: [(String, TimeInterval?, UInt)] = [
            ("120", 120, #line),
            ("2.0", 2, #line),
            (" 3 ", 3, #line),
            ("0", 0, #line),
            ("-5", 0, #line),
            ("Tue, 14 Nov 2023 22:14:20 GMT", 60, #line),
            ("Tuesday, 14-Nov-23 22:15:20 GMT", 120, #line),
            ("Tue Nov 14 22:13:50 2023", 30, #line),
            ("Mon, 13 Nov 2023 22:13:20 GMT", 0, #line),
            ("soon", nil, #line),
            ("", nil, #line),
        ]
        for (value, expected, line) in rows {
            XCTAssertEqual(ServerWaitRules.retryAfter(value, now: now), expected, "'\(value)'", line: line)
        }
    }

    func testHTTPDates() {
        XCTAssertEqual(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"), Date(timeIntervalSince1970: 784_111_777))
        XCTAssertEqual(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"), Date(timeIntervalSince1970: 784_111_777))
        XCTAssertEqual(HTTPDate.parse("Sun Nov  6 08:49:37 1994"), Date(timeIntervalSince1970: 784_111_777))
        XCTAssertNil(HTTPDate.parse("Sun, 06 Foo 1994 08:49:37 GMT"))
        XCTAssertNil(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT"))
        XCTAssertNil(HTTPDate.parse("Sun, 06 Nov 1994"))
    }

    func testResetHeader() {
        let rows: [(String, ServerWaitRules.ResetFormat, TimeInterval?, UInt)] = [
            ("1700000030", .epochSeconds, 30, #line),
            ("1700000030", .automatic, 30, #line),
            ("1700000030000", .automatic, 30, #line),
            ("30", .automatic, 30, #line),
            ("30", .secondsFromNow, 30, #line),
            ("1699999990", .epochSeconds, 0, #line),
            ("30", .epochSeconds, 0, #line),
            ("x", .automatic, nil, #line),
        ]
        for (value, format, expected, line) in rows {
            XCTAssertEqual(ServerWaitRules.resetWait(value, format: format, now: now), expected, "'\(value)' \(format)", line: line)
        }
    }

    func testShopifyCallLimitSlowsDownNearTheBucketSize() {
        let rules = ServerWaitRules()
        let rows: [(String, TimeInterval?, UInt)] = [
            ("1/40", nil, #line),
            ("20/40", nil, #line),
            ("31/40", nil, #line),
            ("32/40", 0.5, #line),
            ("39/40", 4, #line),
            ("40/40", 4.5, #line),
            ("399/400", 40, #line),
            ("junk", nil, #line),
            ("5/0", nil, #line),
        ]
        for (value, expected, line) in rows {
            XCTAssertEqual(rules.callLimitWait(value), expected, value, line: line)
        }
    }

    func testDemandedWaitTakesTheLongestApplicableHeader() {
        let rules = ServerWaitRules()
        let rows: [([String: String], Bool, TimeInterval?, UInt)] = [
            ([:], true, nil, #line),
            (["Retry-After": "2.0"], true, 2, #line),
            (["retry-after": "7"], false, 7, #line),
            (["X-RateLimit-Reset": "1700000045"], true, 45, #line),
            (["X-RateLimit-Reset": "1700000045"], false, nil, #line),
            (["X-RateLimit-Reset": "12", "X-RateLimit-Remaining": "0"], false, 12, #line),
            (["X-RateLimit-Reset": "12", "X-RateLimit-Remaining": "3"], false, nil, #line),
            (["Retry-After": "5", "X-RateLimit-Reset": "20"], true, 20, #line),
            (["X-Shopify-Shop-Api-Call-Limit": "39/40"], false, 4, #line),
            (["X-Shopify-Shop-Api-Call-Limit": "39/40", "Retry-After": "2.0"], true, 4, #line),
        ]
        for (headers, rateLimited, expected, line) in rows {
            XCTAssertEqual(rules.demandedWait(headers: headers, rateLimited: rateLimited, now: now), expected, "\(headers)", line: line)
        }
        let klaviyo = ServerWaitRules(resetHeader: "RateLimit-Reset", resetFormat: .secondsFromNow, remainingHeader: "RateLimit-Remaining")
        XCTAssertEqual(klaviyo.demandedWait(headers: ["RateLimit-Reset": "9"], rateLimited: true, now: now), 9)
    }
}
