import KontorCore
import XCTest
@testable import KontorRuntime

final class FileRowReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try FileFixture.folder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func records(_ rows: [FileRow]) -> [JSONValue] {
        rows.compactMap { if case .record(let value, _) = $0 { value } else { nil } }
    }

    func testQuotedCSVWithBOMEmptyLinesCRLFAndEmbeddedNewlines() throws {
        let text = "\u{FEFF}Kunden-Nr;E-Mail;Notiz\r\n\r\n17;\"anna@example.com\";\"Sagt \"\"Hallo\"\";\r\nzweite Zeile\"\r\n18;ben@example.com;\r\n"
        try FileFixture.write(text, "kunden.csv", in: folder)
        let rows = try FileFixture.rows(
            #"{"path":"*.csv","format":"csv","delimiter":";","columns":{"Kunden-Nr":{"name":"customer_id","type":"integer"},"E-Mail":"email"}}"#,
            "kunden.csv", in: folder
        )
        XCTAssertEqual(rows.map(\.line), [3, 5])
        XCTAssertEqual(records(rows), [
            ["customer_id": 17, "email": "anna@example.com", "Notiz": "Sagt \"Hallo\";\r\nzweite Zeile"],
            ["customer_id": 18, "email": "ben@example.com", "Notiz": ""],
        ])
    }

    func testBadRowIsReportedWithThePhysicalLineItStartsOn() throws {
        // Line 3 holds a quoted newline, so the bad row (4 fields instead of 3) starts on line 5.
        let text = "id,email,note\n1,a@example.com,x\n2,b@example.com,\"multi\nline\"\n3,c@example.com,y,extra\n4,d@example.com,z\n"
        try FileFixture.write(text, "loyalty.csv", in: folder)
        let rows = try FileFixture.rows(#"{"path":"*.csv","format":"csv"}"#, "loyalty.csv", in: folder, chunkSize: 7)
        XCTAssertEqual(rows.map(\.line), [2, 3, 5, 6])
        XCTAssertEqual(rows[2], .bad(line: 5, reason: "expected 3 fields, found 4"))
        XCTAssertEqual(records(rows).count, 3)
    }

    func testTypedColumnThatDoesNotFitIsABadRow() throws {
        try FileFixture.write("sku,qty\nA,2\nB,zwei\n", "sales.csv", in: folder)
        let rows = try FileFixture.rows(
            #"{"path":"*.csv","format":"csv","columns":{"qty":{"name":"quantity","type":"integer"}}}"#, "sales.csv", in: folder
        )
        XCTAssertEqual(records(rows), [["sku": "A", "quantity": 2]])
        XCTAssertEqual(rows.last, .bad(line: 3, reason: "column 'qty': 'zwei' is not an integer"))
    }

    func testNamesWithoutHeaderRow() throws {
        try FileFixture.write("7|anna@example.com\n8|ben@example.com", "export.txt", in: folder)
        let rows = try FileFixture.rows(
            #"{"path":"*","format":"csv","delimiter":"|","header":false,"names":["id","email"]}"#, "export.txt", in: folder
        )
        XCTAssertEqual(records(rows), [["id": "7", "email": "anna@example.com"], ["id": "8", "email": "ben@example.com"]])
    }

    func testUnclosedQuoteAtTheEndIsABadRow() throws {
        try FileFixture.write("a,b\n1,2\n3,\"open\n", "broken.csv", in: folder)
        let rows = try FileFixture.rows(#"{"path":"*.csv","format":"csv"}"#, "broken.csv", in: folder)
        XCTAssertEqual(rows.last, .bad(line: 3, reason: "a quoted field is not closed before the end of the file"))
    }

    func testLatin1Encoding() throws {
        try FileFixture.write(Data([0x6E, 0x61, 0x6D, 0x65, 0x0A, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]), "latin.csv", in: folder)
        let rows = try FileFixture.rows(#"{"path":"*.csv","format":"csv","encoding":"latin1"}"#, "latin.csv", in: folder)
        XCTAssertEqual(records(rows), [["name": "Müller"]])
    }

    func testJSONLinesWithABadLine() throws {
        let text = "\u{FEFF}{\"email\":\"a@example.com\",\"Punkte\":\"120\"}\n\n{\"email\": broken}\r\n[1,2]\n{\"email\":\"b@example.com\"}"
        try FileFixture.write(text, "members.jsonl", in: folder)
        let rows = try FileFixture.rows(
            #"{"path":"*.jsonl","format":"jsonl","columns":{"Punkte":{"name":"points","type":"integer"}}}"#, "members.jsonl", in: folder,
            chunkSize: 5
        )
        XCTAssertEqual(rows, [
            .record(["email": "a@example.com", "points": 120], line: 1),
            .bad(line: 3, reason: "not valid JSON"),
            .bad(line: 4, reason: "a JSON array, not an object"),
            .record(["email": "b@example.com"], line: 5),
        ])
    }

    func testSettingsThatCannotWork() throws {
        XCTAssertThrowsError(try FileFormat(try FileFixture.source(#"{"path":"*","format":"csv","delimiter":";;"}"#)))
        XCTAssertThrowsError(try FileFormat(try FileFixture.source(#"{"path":"*","format":"csv","header":false}"#)))
        XCTAssertThrowsError(try FileFormat(try FileFixture.source(#"{"path":"*","format":"csv","encoding":"ebcdic"}"#)))
        XCTAssertNoThrow(try FileFormat(try FileFixture.source(#"{"path":"*","format":"csv","delimiter":"\\t"}"#)))
    }

    func testLargeFileIsReadInChunksWithEveryRow() throws {
        let url = folder.appendingPathComponent("big.csv")
        try Data("customer_id,sku,quantity\n".utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        for block in 0..<200 {
            let base = block * 1000
            try handle.write(contentsOf: Data((base..<base + 1000).map { "c\($0),\"sku,\($0 % 7)\",\($0 % 5)\n" }.joined().utf8))
        }
        try handle.close()
        let format = try FileFormat(try FileFixture.source(#"{"path":"*.csv","format":"csv"}"#))
        let reader = try format.reader(for: FileCatalog.Entry(name: "big.csv", url: url, modified: 0))
        var count = 0
        var last: FileRow?
        while let row = try reader.next() {
            count += 1
            last = row
        }
        XCTAssertEqual(count, 200_000)
        XCTAssertEqual(last, .record(["customer_id": "c199999", "sku": "sku,2", "quantity": "4"], line: 200_001))
    }
}
