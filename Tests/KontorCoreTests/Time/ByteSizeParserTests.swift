import KontorCore
import XCTest

final class ByteSizeParserTests: XCTestCase {
    func testSizes() {
        let rows: [(String, Int?, UInt)] = [
            ("0", 0, #line),
            ("512", 512, #line),
            ("512B", 512, #line),
            ("1KB", 1024, #line),
            ("32kb", 32_768, #line),
            ("500KB", 512_000, #line),
            ("1KiB", 1024, #line),
            ("1k", 1024, #line),
            ("5MB", 5_242_880, #line),
            ("5 mb", 5_242_880, #line),
            ("5MiB", 5_242_880, #line),
            ("1.5MB", 1_572_864, #line),
            ("2GB", 2_147_483_648, #line),
            (" 10 KB ", 10_240, #line),
            ("", nil, #line),
            ("KB", nil, #line),
            ("five", nil, #line),
            ("5 TB", nil, #line),
            ("-5MB", nil, #line),
            (".5MB", nil, #line),
            ("5MB5", nil, #line),
            ("1.2.3KB", nil, #line),
            ("99999999999999999999GB", nil, #line),
        ]
        for (text, expected, line) in rows {
            XCTAssertEqual(ByteSizeParser.bytes(text), expected, "'\(text)'", line: line)
        }
    }
}
