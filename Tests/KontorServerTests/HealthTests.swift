import HummingbirdTesting
import KontorCore
import KontorSQLite
import KontorServer
import XCTest

final class HealthTests: XCTestCase {
    func testHealthzAnswersWhileTheProcessIsUp() async throws {
        let store = try SQLiteStore.inMemory()  // not even migrated: liveness does not care
        try await Fixture.application(store: store).test(.router) { client in
            let response = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json, ["status": "ok"])
        }
    }

    func testReadyzFollowsMigrations() async throws {
        let store = try SQLiteStore.inMemory()
        try await Fixture.application(store: store).test(.router) { client in
            let before = try await client.executeRequest(uri: "/readyz", method: .get, headers: [:], body: nil)
            XCTAssertEqual(before.status, .serviceUnavailable)
            XCTAssertEqual(before.json["code"], "migrations_pending")

            try await store.migrate()
            let ready = try await client.executeRequest(uri: "/readyz", method: .get, headers: [:], body: nil)
            XCTAssertEqual(ready.status, .ok)
            XCTAssertEqual(ready.json["status"], "ready")
            XCTAssertEqual(ready.json["store"], "sqlite")
        }
    }

    func testReadyzSaysWhenTheStoreCannotBeRead() async throws {
        let (store, sabotage) = try await Fixture.fileStore()
        try await Fixture.application(store: store).test(.router) { client in
            try sabotage("DROP TABLE grdb_migrations; CREATE TABLE grdb_migrations (damaged TEXT)")
            let closed = try await client.executeRequest(uri: "/readyz", method: .get, headers: [:], body: nil)
            XCTAssertEqual(closed.status, .serviceUnavailable)
            XCTAssertEqual(closed.json["code"], "store_unavailable")
            XCTAssertNotNil(closed.json["message"])
        }
    }
}
