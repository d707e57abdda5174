import XCTest
@testable import KontorRuntime

final class CSVParserTests: XCTestCase {
    /// Parses `text` fed in chunks of `chunk` bytes; each row as its texts and start line.
    private func parse(_ text: String, delimiter: Character = ",", chunk: Int = 4096) throws -> [([String], Int)] {
        var parser = CSVParser(delimiter: UInt8(ascii: delimiter.unicodeScalars.first!))
        var rows: [CSVParser.Row] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            parser.feed(bytes[start..<min(start + chunk, bytes.count)]) { rows.append($0) }
            start += chunk
        }
        try parser.finish { rows.append($0) }
        return rows.map { ($0.fields.map { String(decoding: $0, as: UTF8.self) }, $0.line) }
    }

    func testTableOfInputs() throws {
        let cases: [(String, String, [[String]], [Int])] = [
            ("plain", "a,b\n1,2\n", [["a", "b"], ["1", "2"]], [1, 2]),
            ("no final line break", "a,b\n1,2", [["a", "b"], ["1", "2"]], [1, 2]),
            ("quoted delimiter", "a,\"x,y\"\n", [["a", "x,y"]], [1]),
            ("doubled quote", "\"say \"\"hi\"\"\",b\n", [["say \"hi\"", "b"]], [1]),
            ("embedded newline", "\"two\nlines\",b\nc,d\n", [["two\nlines", "b"], ["c", "d"]], [1, 3]),
            ("crlf", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]], [1, 2]),
            ("lone cr", "a,b\r1,2\r", [["a", "b"], ["1", "2"]], [1, 2]),
            ("empty lines skipped", "a,b\n\n\n1,2\n\r\n3,4\n", [["a", "b"], ["1", "2"], ["3", "4"]], [1, 4, 6]),
            ("bom stripped", "\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]], [1, 2]),
            ("empty fields", ",,\n", [["", "", ""]], [1]),
            ("quoted empty", "\"\",x\n", [["", "x"]], [1]),
            ("crlf inside quotes", "\"a\r\nb\",c\r\nd,e\r\n", [["a\r\nb", "c"], ["d", "e"]], [1, 3]),
            ("quote inside unquoted field", "ab\"c,d\n", [["ab\"c", "d"]], [1]),
            ("utf-8 text", "Müller,Straße\n", [["Müller", "Straße"]], [1]),
        ]
        for (name, text, fields, lines) in cases {
            for chunk in [1, 2, 3, 4096] {
                let rows = try parse(text, chunk: chunk)
                XCTAssertEqual(rows.map(\.0), fields, "\(name), chunk \(chunk)")
                XCTAssertEqual(rows.map(\.1), lines, "\(name), chunk \(chunk)")
            }
        }
    }

    func testSemicolonAndTab() throws {
        XCTAssertEqual(try parse("a;\"b;c\";d\n", delimiter: ";").map(\.0), [["a", "b;c", "d"]])
        XCTAssertEqual(try parse("a\tb c\t\n", delimiter: "\t").map(\.0), [["a", "b c", ""]])
    }

    func testUnclosedQuoteReportsTheLineItStartsOn() throws {
        XCTAssertThrowsError(try parse("a,b\n1,2\n3,\"open\nstill\n")) { error in
            XCTAssertEqual(error as? CSVParser.UnterminatedQuote, CSVParser.UnterminatedQuote(line: 3))
        }
    }

    func testHeldBytesStayBoundedByTheRow() throws {
        var parser = CSVParser()
        var rows = 0
        for _ in 0..<1000 { parser.feed(Array("abc,def\n".utf8)) { _ in rows += 1 } }
        XCTAssertEqual(rows, 1000)
        XCTAssertEqual(parser.heldBytes, 0)
    }
}
