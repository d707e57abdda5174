import Foundation
import KontorCore
import KontorRuntime
import Logging
import XCTest

@testable import KontorPostgres

/// PostgreSQL values as the records' JSON values, read through the driver.
final class PostgresTypeMappingTests: XCTestCase {
    private var database: PostgresTestDatabase?

    override func tearDown() async throws {
        await database?.drop()
    }

    func testColumnTypesBecomeJSONValues() async throws {
        let database = try await PostgresTestDatabase.open()
        self.database = database
        // (SQL type, SQL literal, expected JSON value)
        let table: [(type: String, literal: String, expected: JSONValue)] = [
            ("text", "'Grüße, \"quoted\"'", "Grüße, \"quoted\""),
            ("varchar(20)", "'short'", "short"),
            ("integer", "42", 42),
            ("bigint", "9007199254740993", 9_007_199_254_740_993),
            ("smallint", "-7", -7),
            ("numeric(12,2)", "1234.50", 1234.5),
            ("double precision", "0.25", 0.25),
            ("boolean", "true", true),
            ("boolean", "false", false),
            ("timestamptz", "'2025-03-01 11:00:00.123456+01'", "2025-03-01T10:00:00.123456+00:00"),
            ("timestamp", "'2025-03-01 10:00:00'", "2025-03-01T10:00:00"),
            ("date", "'2025-03-01'", "2025-03-01"),
            ("jsonb", #"'{"tier": "gold", "points": [1, 2]}'"#, ["tier": "gold", "points": [1, 2]]),
            ("json", #"'{"a": null}'"#, ["a": .null]),
            ("uuid", "'6f1c2e0a-3b4d-4c5e-8f90-123456789abc'", "6f1c2e0a-3b4d-4c5e-8f90-123456789abc"),
            ("text[]", "ARRAY['a', 'b']", ["a", "b"]),
            ("text", "NULL", .null),
        ]
        var columns: [String] = []
        var values: [String] = []
        for (index, row) in table.enumerated() {
            columns.append("c\(index) \(row.type)")
            values.append(row.literal)
        }
        try await database.execute("CREATE TABLE \(database.schema).types (id int PRIMARY KEY, \(columns.joined(separator: ", ")))")
        try await database.execute("INSERT INTO \(database.schema).types VALUES (1, \(values.joined(separator: ", ")))")

        let session = try await PostgresSQLDriver().connect(
            url: PostgresTestDatabase.url, timeout: .seconds(30), logger: Logger(label: "test"))
        let rows = try await session.rows(SQLPageRequest(
            query: SQLStatement([.text("SELECT * FROM \(database.schema).types")]), order: ["id"], limit: 10))
        await session.close()
        let record = try XCTUnwrap(rows.first?.record.objectValue)
        XCTAssertEqual(rows.first?.position, ["1"])
        for (index, row) in table.enumerated() {
            XCTAssertEqual(record["c\(index)"], row.expected, "\(row.type) \(row.literal)")
        }
    }

    func testStoredPositionsCompareWithTheirColumnTypes() async throws {
        let database = try await PostgresTestDatabase.open()
        self.database = database
        try await database.execute("CREATE TABLE \(database.schema).t (changed timestamptz, key uuid, amount numeric)")
        try await database.execute("""
            INSERT INTO \(database.schema).t VALUES
              ('2025-01-01 00:00:00.000001+00', '00000000-0000-0000-0000-000000000001', 1.5),
              ('2025-01-01 00:00:00.000001+00', '00000000-0000-0000-0000-000000000002', 2.5),
              ('2025-01-01 00:00:00.000002+00', '00000000-0000-0000-0000-000000000001', 3.5)
            """)
        let session = try await PostgresSQLDriver().connect(
            url: PostgresTestDatabase.url, timeout: .seconds(30), logger: Logger(label: "test"))
        let query = SQLStatement([.text("SELECT * FROM \(database.schema).t WHERE amount > "), .bind("1"), .text(";")])
        let first = try await session.rows(SQLPageRequest(query: query, order: ["changed", "key"], limit: 1))
        XCTAssertEqual(first.count, 1)
        XCTAssertEqual(first.first?.record["amount"], 1.5)
        let rest = try await session.rows(SQLPageRequest(query: query, order: ["changed", "key"], after: first[0].position.compactMap { $0 }, limit: 10))
        await session.close()
        XCTAssertEqual(rest.map { $0.record["amount"] }, [2.5, 3.5], "microseconds and uuids survive the round trip")
    }

    func testPageStatementUsesKeysetNeverOffset() {
        let request = SQLPageRequest(
            query: SQLStatement([.text("SELECT * FROM crm.customers WHERE shop = "), .bind("berlin"), .text(" ;\n")]),
            order: ["updated_at", "Kunden \"Nr\""], after: ["2025-01-01 00:00:00+00", "7"], limit: 500)
        let page = PostgresPageQuery(request)
        XCTAssertEqual(page.sql, #"""
            SELECT to_jsonb(kontor_page)::text, kontor_page."updated_at"::text, kontor_page."Kunden ""Nr"""::text
            FROM (
            SELECT * FROM crm.customers WHERE shop = $1
            ) AS kontor_page
            WHERE (kontor_page."updated_at", kontor_page."Kunden ""Nr""") > ($2, $3)
            ORDER BY kontor_page."updated_at", kontor_page."Kunden ""Nr""" LIMIT 500
            """#)
        XCTAssertEqual(page.binds, ["berlin", "2025-01-01 00:00:00+00", "7"])
        XCTAssertFalse(page.sql.uppercased().contains("OFFSET"))

        let first = PostgresPageQuery(SQLPageRequest(query: SQLStatement([.text("SELECT 1 AS id")]), order: ["id"], from: "5", limit: 10))
        XCTAssertTrue(first.sql.contains("WHERE kontor_page.\"id\" >= $1"), first.sql)
        XCTAssertEqual(first.binds, ["5"])
        XCTAssertEqual(PostgresPageQuery.text(of: .null), nil)
        XCTAssertEqual(PostgresPageQuery.text(of: ["a": 1]), #"{"a":1}"#)
        XCTAssertEqual(PostgresPageQuery.text(of: 12), "12")
    }
}
