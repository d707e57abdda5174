import Foundation
import KontorCore
import KontorHTTP
import XCTest

@testable import KontorRuntime

final class IncrementalCursorTests: XCTestCase {
    private let now = DateFormat.rfc3339.date(from: "2025-01-10T00:00:00Z")!

    private func cursor(_ json: String) throws -> IncrementalCursor {
        try IncrementalCursor(JSONDecoder().decode(Incremental.self, from: Data(json.utf8)))
    }

    private func text(_ windows: [SyncWindow]) -> [String] {
        windows.map {
            guard case .time(let start, let end) = $0 else { return "\($0)" }
            return DateFormat.rfc3339.string(from: start) + "/" + DateFormat.rfc3339.string(from: end)
        }
    }

    func testWindowsTable() throws {
        let base = #""type":"datetime","field":"updated_at","start":"{{ config.start }}""#
        let config: JSONValue = ["start": "2025-01-01T00:00:00Z"]
        let cases: [(json: String, stored: JSONValue?, expected: [String])] = [
            ("{\(base)}", nil, ["2025-01-01T00:00:00Z/2025-01-10T00:00:00Z"]),
            ("{\(base)}", "2025-01-05T12:00:00Z", ["2025-01-05T12:00:00Z/2025-01-10T00:00:00Z"]),
            (#"{\#(base),"granularity":"PT1S"}"#, "2025-01-05T12:00:00Z", ["2025-01-05T12:00:01Z/2025-01-10T00:00:00Z"]),
            (#"{\#(base),"lookback":"1d"}"#, "2025-01-05T12:00:00Z", ["2025-01-04T12:00:00Z/2025-01-10T00:00:00Z"]),
            (#"{\#(base),"lookback":"30d"}"#, "2025-01-05T12:00:00Z", ["2025-01-01T00:00:00Z/2025-01-10T00:00:00Z"]),
            (#"{\#(base),"step":"P4D"}"#, nil, [
                "2025-01-01T00:00:00Z/2025-01-05T00:00:00Z", "2025-01-05T00:00:00Z/2025-01-09T00:00:00Z",
                "2025-01-09T00:00:00Z/2025-01-10T00:00:00Z",
            ]),
            (#"{\#(base),"end":"2025-01-03T00:00:00Z","step":"1d"}"#, nil, [
                "2025-01-01T00:00:00Z/2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z/2025-01-03T00:00:00Z",
            ]),
            // A cursor after "now" (server clock ahead): one window from the cursor, never none.
            ("{\(base)}", "2025-02-01T00:00:00Z", ["2025-02-01T00:00:00Z/2025-02-01T00:00:00Z"]),
        ]
        for (json, stored, expected) in cases {
            XCTAssertEqual(text(try cursor(json).windows(after: stored, config: config, now: now)), expected, "\(json) after \(String(describing: stored))")
        }
    }

    func testUnixFormatParametersAndClientFilter() throws {
        let cursor = try cursor(#"{"type":"datetime","field":"ts","format":"unix","start":"2025-01-01T00:00:00Z","start_param":{"query":"since"},"end_param":{"query":"until"},"filter":"client"}"#)
        let window = try XCTUnwrap(cursor.windows(after: nil, config: [:], now: now).first)
        var draft = RequestDraft(url: "https://api.test/r")
        cursor.inject(window, into: &draft)
        XCTAssertEqual(draft.fullURL, "https://api.test/r?since=1735689600&until=1736467200")
        XCTAssertTrue(cursor.keeps(.int(1_735_700_000), in: window))
        XCTAssertFalse(cursor.keeps(.int(1_700_000_000), in: window))
        XCTAssertEqual(cursor.completedCursor(window, maxSeen: .int(1_735_700_000), previous: nil), .int(1_736_467_200), "a bounded window ends at its end")
    }

    func testCompletedCursorIsTheLargestStoredValueForOpenWindows() throws {
        let cursor = try cursor(#"{"type":"datetime","field":"updated_at","start":"2025-01-01T00:00:00Z","start_param":{"query":"updated_at_min"}}"#)
        let window = try XCTUnwrap(cursor.windows(after: nil, config: [:], now: now).first)
        XCTAssertEqual(cursor.completedCursor(window, maxSeen: "2025-01-04T10:00:00+02:00", previous: nil), "2025-01-04T08:00:00Z")
        XCTAssertEqual(cursor.completedCursor(window, maxSeen: nil, previous: "2025-01-02T00:00:00Z"), "2025-01-02T00:00:00Z", "no records: unchanged")
        XCTAssertEqual(cursor.completedCursor(window, maxSeen: "2024-12-01T00:00:00Z", previous: "2025-01-02T00:00:00Z"), "2025-01-02T00:00:00Z", "never backwards")
    }

    func testCounterCursor() throws {
        let cursor = try cursor(#"{"type":"counter","field":"id","start":100,"param":{"query":"since_id"}}"#)
        let window = try XCTUnwrap(cursor.windows(after: 250, config: [:], now: now).first)
        var draft = RequestDraft(url: "https://api.test/r")
        cursor.inject(window, into: &draft)
        XCTAssertEqual(draft.fullURL, "https://api.test/r?since_id=250")
        XCTAssertFalse(cursor.keeps(250, in: window))
        XCTAssertTrue(cursor.keeps(251, in: window))
        XCTAssertEqual(cursor.completedCursor(window, maxSeen: 400, previous: 250), 400)
        XCTAssertEqual(try cursor.windows(after: nil, config: [:], now: now), [.counter(after: 100)])
    }
}
