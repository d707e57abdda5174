import KontorServer
import XCTest

final class ListenAddressTests: XCTestCase {
    func testValidAddresses() throws {
        let examples: [(String, String, Int)] = [
            ("127.0.0.1:8080", "127.0.0.1", 8080),
            ("0.0.0.0:80", "0.0.0.0", 80),
            ("localhost:0", "localhost", 0),
            (":9090", "0.0.0.0", 9090),
            ("[::1]:8080", "::1", 8080),
            (" 10.0.0.5:65535 ", "10.0.0.5", 65535),
        ]
        for (text, host, port) in examples {
            let address = try ListenAddress(parsing: text)
            XCTAssertEqual(address, ListenAddress(host: host, port: port), text)
        }
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:8080").description, "[::1]:8080")
    }

    func testInvalidAddressesSayWhy() {
        let examples: [(String, String)] = [
            ("8080", "expected host:port"),
            ("localhost:http", "port must be a number"),
            ("127.0.0.1:70000", "port must be a number"),
            ("::1:8080", "brackets"),
            ("[::1:8080", "brackets"),
        ]
        for (text, reason) in examples {
            XCTAssertThrowsError(try ListenAddress(parsing: text), text) { error in
                let description = String(describing: error)
                XCTAssertTrue(description.contains(reason), "\(text): \(description)")
                XCTAssertTrue(description.contains("'\(text)'"), "\(text): \(description)")
            }
        }
    }
}
