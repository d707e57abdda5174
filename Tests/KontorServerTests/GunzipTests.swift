import XCTest

@testable import KontorServer

final class GunzipTests: XCTestCase {
    func testInflatesOneOrSeveralMembers() throws {
        let hello = Gzip.compress(Array("hello ".utf8))
        let world = Gzip.compress(Array("world".utf8))
        XCTAssertEqual(try Gunzip.inflate(hello, limit: 100), Array("hello ".utf8))
        XCTAssertEqual(try Gunzip.inflate(hello + world, limit: 100), Array("hello world".utf8))
    }

    func testRefusesTruncatedOrForeignData() {
        let data = Gzip.compress(Array(String(repeating: "kontor ", count: 100).utf8))
        for (name, input) in [("truncated", Array(data.prefix(data.count / 2))), ("plain", Array("{}".utf8)), ("empty", [])] {
            XCTAssertThrowsError(try Gunzip.inflate(input, limit: 10_000), name) { error in
                XCTAssertEqual(error as? Gunzip.Failure, .corrupt, name)
            }
        }
    }

    func testStopsAtTheLimit() {
        let bomb = Gzip.compress([UInt8](repeating: 0, count: 1 << 20))
        XCTAssertLessThan(bomb.count, 2048)
        XCTAssertThrowsError(try Gunzip.inflate(bomb, limit: 64 * 1024)) { error in
            XCTAssertEqual(error as? Gunzip.Failure, .tooLarge)
        }
        XCTAssertEqual(try Gunzip.inflate(bomb, limit: 1 << 20).count, 1 << 20)
    }
}
