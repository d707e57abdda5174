import KontorCore
import XCTest
@testable import KontorRuntime

final class ColumnValueParserTests: XCTestCase {
    func testValues() {
        let cases: [(FileColumn.ValueType, String?, String, JSONValue?)] = [
            (.string, nil, " as is ", " as is "),
            (.string, nil, "", ""),
            (.integer, nil, "42", 42),
            (.integer, nil, " -7 ", -7),
            (.integer, nil, "+3", 3),
            (.integer, nil, "", .null),
            (.integer, nil, "4.5", nil),
            (.number, nil, "12.50", 12.5),
            (.number, nil, "12,50", 12.5),
            (.number, nil, "1.234,50", 1234.5),
            (.number, nil, "1,234.50", 1234.5),
            (.number, nil, "abc", nil),
            (.boolean, nil, "Yes", true),
            (.boolean, nil, "0", false),
            (.boolean, nil, "ja", true),
            (.boolean, nil, "maybe", nil),
            (.date, nil, "2024-05-01", "2024-05-01T00:00:00Z"),
            (.date, nil, "2024-05-01T10:30:00+02:00", "2024-05-01T08:30:00Z"),
            (.date, nil, "2024-05-01 10:30:00", "2024-05-01T10:30:00Z"),
            (.date, "%d.%m.%Y %H:%M", "01.05.2024 10:30", "2024-05-01T10:30:00Z"),
            (.date, "%d.%m.%Y", "2024-05-01", nil),
            (.date, nil, "yesterday", nil),
        ]
        for (type, format, text, expected) in cases {
            let result = ColumnValueParser(type: type, format: format).value(of: text)
            switch (result, expected) {
            case (.success(let value), let expected?):
                XCTAssertEqual(value, expected, "\(type) \(text)")
            case (.failure, nil):
                break
            default:
                XCTFail("\(type) '\(text)': got \(result), expected \(String(describing: expected))")
            }
        }
    }
}
