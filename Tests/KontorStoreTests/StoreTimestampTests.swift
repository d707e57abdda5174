import Foundation
import KontorStore
import XCTest

final class StoreTimestampTests: XCTestCase {
    func testFormatting() {
        let table: [(Double, String)] = [
            (0, "1970-01-01T00:00:00.000Z"),
            (0.5, "1970-01-01T00:00:00.500Z"),
            (1_714_557_600.123, "2024-05-01T10:00:00.123Z"),
            (1_714_557_600.1234, "2024-05-01T10:00:00.123Z"),
            (1_714_557_600.9996, "2024-05-01T10:00:01.000Z"),
            (951_782_400, "2000-02-29T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.000Z"),
            (-0.001, "1969-12-31T23:59:59.999Z"),
            (-62_135_596_800, "0001-01-01T00:00:00.000Z"),
            (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
            (1e15, "9999-12-31T23:59:59.999Z"),
            (-1e15, "0000-01-01T00:00:00.000Z"),
        ]
        for (seconds, expected) in table {
            XCTAssertEqual(StoreTimestamp.string(from: Date(timeIntervalSince1970: seconds)), expected, "\(seconds)")
        }
    }

    func testParsing() {
        let table: [(String, Double?)] = [
            ("1970-01-01T00:00:00.000Z", 0),
            ("2024-05-01T10:00:00.123Z", 1_714_557_600.123),
            ("2024-05-01T10:00:00Z", 1_714_557_600),
            ("2024-05-01T10:00:00.1Z", 1_714_557_600.1),
            ("2024-05-01T10:00:00.123456789Z", 1_714_557_600.123),
            ("2024-05-01T12:00:00.000+02:00", 1_714_557_600),
            ("2024-05-01T05:30:00-04:30", 1_714_557_600),
            ("2024-05-01 10:00:00z", 1_714_557_600),
            ("2000-02-29T00:00:00Z", 951_782_400),
            ("1969-12-31T23:59:59.999Z", -0.001),
            ("2023-02-29T00:00:00Z", nil),
            ("2024-13-01T00:00:00Z", nil),
            ("2024-05-01T24:00:00Z", nil),
            ("2024-05-01T10:00:00", nil),
            ("2024-05-01T10:00:00.Z", nil),
            ("2024-05-01", nil),
            ("2024-05-01T10:00:00Zjunk", nil),
            ("", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(StoreTimestamp.date(from: text), expected.map { Date(timeIntervalSince1970: $0) }, text)
        }
    }

    func testRoundTripAndNormalization() {
        for milliseconds in [Int64(0), 1, 999, 1_714_557_600_123, -1, -62_135_596_800_000, 253_402_300_799_999] {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            XCTAssertEqual(StoreTimestamp.date(from: StoreTimestamp.string(from: date)), date, "\(milliseconds)")
        }
        let odd = Date(timeIntervalSince1970: 1_714_557_600).addingTimeInterval(0.123)
        XCTAssertEqual(StoreTimestamp.normalized(odd), Date(timeIntervalSince1970: 1_714_557_600_123 / 1000))
        XCTAssertEqual(StoreTimestamp.normalized(StoreTimestamp.normalized(odd)), StoreTimestamp.normalized(odd))
    }

    /// Leases compare stored text, so text order must be time order.
    func testTextOrderIsTimeOrder() {
        let seconds: [Double] = [-62_135_596_800, -1, -0.001, 0, 0.001, 59.999, 60, 1_714_557_600, 1_714_557_600.001, 4e9]
        let texts = seconds.map { StoreTimestamp.string(from: Date(timeIntervalSince1970: $0)) }
        XCTAssertEqual(texts, texts.sorted())
        XCTAssertEqual(Set(texts.map(\.count)), [24])
    }
}
