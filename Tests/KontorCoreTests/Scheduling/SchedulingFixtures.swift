import Foundation
import XCTest

/// Dates written as ISO-8601 with an explicit offset, so that every row of a
/// table says which side of a daylight-saving change it means.
enum SchedulingFixtures {
    static func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else {
            XCTFail("bad fixture date \(text)", file: file, line: line)
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    /// `2025-03-30T03:00:00+02:00` for a date in a zone, for readable failures.
    static func format(_ date: Date?, in zone: TimeZone) -> String {
        guard let date else { return "nil" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    static let utc = TimeZone(secondsFromGMT: 0)!
    static let berlin = zone("Europe/Berlin")
}
