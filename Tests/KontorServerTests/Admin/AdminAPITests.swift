import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import XCTest

/// The admin API: token checks and what each route reports about the seeded deployment.
final class AdminAPITests: XCTestCase {
    private typealias F = AdminFixture

    func testEveryRouteNeedsTheAdminToken() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        let routes = [
            "/admin/api/status", "/admin/api/sources", "/admin/api/sources/shop/runs", "/admin/api/destinations",
            "/admin/api/segments", "/admin/api/dead-letters", "/admin/api/errors",
        ]
        let refusals: [(HTTPFields, String)] = [
            ([:], "missing_admin_token"),
            (F.bearer("wrong"), "invalid_admin_token"),
            (F.bearer(PersonalizationFixture.readKey), "invalid_admin_token"),
            ([.authorization: Fixture.basicAuth(F.token)], "invalid_admin_token"),
            ([.cookie: "kontor_admin=\(F.token)"], "missing_admin_token"),
        ]
        try await app.test(.router) { client in
            for route in routes {
                for (headers, code) in refusals {
                    let response = try await client.executeRequest(uri: route, method: .get, headers: headers, body: nil)
                    XCTAssertEqual(response.status, .unauthorized, "\(route) \(code)")
                    XCTAssertEqual(response.json["code"], .string(code), route)
                    XCTAssertFalse(response.text.contains("newsletter"), "nothing leaks from \(route)")
                }
                let allowed = try await client.executeRequest(uri: route, method: .get, headers: F.bearer(), body: nil)
                XCTAssertEqual(allowed.status, .ok, route)
            }
        }
    }

    func testWithoutConfiguredTokenTheAdminAPIIsOff() async throws {
        let deployment = F.deployment(adminToken: nil)
        let store = try await F.store(deployment: deployment)
        let app = try F.application(store: store, deployment: deployment)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(
                uri: "/admin/api/status", method: .get, headers: F.bearer(""), body: nil)
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertEqual(response.json["code"], "admin_disabled")
        }
    }

    func testStatusReportsSourcesDestinationsSegmentsAndErrors() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(
                uri: "/admin/api/status", method: .get, headers: F.bearer(), body: nil)
            XCTAssertEqual(response.status, .ok)
            let status = response.json
            XCTAssertEqual(status["generatedAt"], "2024-05-01T12:00:00Z")
            XCTAssertEqual(status["profiles"], 25)
            XCTAssertEqual(status["sources"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["crm", "popup", "shop"])
            let shop = status["sources"]?[2]
            XCTAssertEqual(shop?["lastRun"]?["result"], "succeeded")
            XCTAssertEqual(shop?["lastRun"]?["records"], 1200)
            XCTAssertEqual(shop?["nextRunAt"], "2024-05-01T12:15:00Z")
            XCTAssertEqual(status["sources"]?[0]?["lastRun"]?["result"], "failed")

            let newsletter = status["destinations"]?[0]
            XCTAssertEqual(newsletter?["name"], "newsletter")
            XCTAssertEqual(newsletter?["pending"], 2)
            XCTAssertEqual(newsletter?["inFlight"], 1)
            XCTAssertEqual(newsletter?["retrying"], 1)
            XCTAssertEqual(newsletter?["dead"], 1)
            XCTAssertEqual(status["destinations"]?[1]?["name"], "retargeting")

            let sizes = Dictionary(uniqueKeysWithValues: (status["segments"]?.arrayValue ?? []).compactMap { segment in
                segment["name"]?.stringValue.map { ($0, segment["size"] ?? .null) }
            })
            XCTAssertEqual(sizes, ["big_spenders": 1, "buyers": 9, "coffee_lovers": 1])

            let errors = status["recentErrors"]?.arrayValue ?? []
            XCTAssertEqual(errors.compactMap { $0["kind"]?.stringValue }, ["dead_letter", "run"], "newest first")
            XCTAssertEqual(errors.last?["subject"], "crm")
            XCTAssertEqual(errors.last?["message"], .string("sync failed: \(F.crmError)"))
            XCTAssertTrue(errors.first?["message"]?.stringValue?.contains("Invalid Resource") == true)
            XCTAssertEqual(status["personalization"]?["capacity"], 10_000)
            XCTAssertNotNil(status["store"]?["engine"])
        }
    }

    func testListRoutes() async throws {
        let store = try await F.store()
        let app = try F.application(store: store)
        try await app.test(.router) { client in
            func get(_ uri: String) async throws -> TestResponse {
                try await client.executeRequest(uri: uri, method: .get, headers: F.bearer(), body: nil)
            }
            let sources = try await get("/admin/api/sources").json
            XCTAssertEqual(sources["sources"]?.arrayValue?.count, 3)
            let destinations = try await get("/admin/api/destinations").json
            XCTAssertEqual(destinations["destinations"]?.arrayValue?.count, 2)
            let segments = try await get("/admin/api/segments").json
            XCTAssertEqual(segments["profiles"], 25)
            XCTAssertEqual(segments["segments"]?.arrayValue?.count, 3)
            let errors = try await get("/admin/api/errors").json
            XCTAssertEqual(errors["recentErrors"]?.arrayValue?.count, 2)

            let runs = try await get("/admin/api/sources/crm/runs?limit=5").json["runs"]?.arrayValue ?? []
            XCTAssertEqual(runs.count, 1)
            XCTAssertEqual(runs.first?["error"], .string(F.crmError))
            let unknownSource = try await get("/admin/api/sources/nope/runs")
            XCTAssertEqual(unknownSource.status, .notFound)
            XCTAssertEqual(unknownSource.json["code"], "unknown_source")

            let dead = try await get("/admin/api/dead-letters?destination=newsletter").json["deadLetters"]?.arrayValue ?? []
            XCTAssertEqual(dead.count, 1)
            XCTAssertEqual(dead.first?["lastError"], .string(F.deadReason))
            XCTAssertEqual(dead.first?["attempts"], 5)
            XCTAssertNil(dead.first?["payload"], "payloads (personal data) stay out")
            let none = try await get("/admin/api/dead-letters?destination=retargeting").json
            XCTAssertEqual(none["deadLetters"], [])
            let unknownDestination = try await get("/admin/api/dead-letters?destination=nope")
            XCTAssertEqual(unknownDestination.status, .notFound)
            XCTAssertEqual(unknownDestination.json["field"], "destination")
            for limit in ["0", "abc", "1001"] {
                let response = try await get("/admin/api/dead-letters?limit=\(limit)")
                XCTAssertEqual(response.status, .badRequest, limit)
                XCTAssertEqual(response.json["field"], "limit")
            }
        }
    }
}
