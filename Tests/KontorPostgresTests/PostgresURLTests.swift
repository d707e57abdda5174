import KontorPostgres
import XCTest

final class PostgresURLTests: XCTestCase {
    func testParsesEveryPart() throws {
        let url = try XCTUnwrap(PostgresURL("postgres://kontor:s3cret@db.internal:6543/crm"))
        XCTAssertEqual(url.host, "db.internal")
        XCTAssertEqual(url.port, 6543)
        XCTAssertEqual(url.username, "kontor")
        XCTAssertEqual(url.password, "s3cret")
        XCTAssertEqual(url.database, "crm")
    }

    func testDefaultsAndRejections() throws {
        let url = try XCTUnwrap(PostgresURL("postgresql://kontor@localhost"))
        XCTAssertEqual(url.port, 5432)
        XCTAssertEqual(url.database, "kontor")
        XCTAssertNil(url.password)
        XCTAssertNil(PostgresURL("sqlite:kontor.db"))
        XCTAssertNil(PostgresURL("postgres:///nohost"))
    }
}
