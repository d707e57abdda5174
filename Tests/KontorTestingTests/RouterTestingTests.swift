import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import XCTest

@testable import KontorTesting

/// The emulators' routers also run under HummingbirdTesting's in-memory `.router` framework.
final class RouterTestingTests: XCTestCase {
    func testShopifyRouterAnswersInMemory() async throws {
        let data = DataSetStore(CustomerDataSet(seed: 8, count: 12))
        let host = EmulatorHost(dialect: ShopifyDialect(configuration: ShopifyConfiguration()), clock: SteppingClock())
        let routes = ShopifyRoutes(configuration: ShopifyConfiguration(), data: data, log: host.log)
        let app = Application(router: host.router(routes.endpoints))
        let token = try XCTUnwrap(HTTPFields.Element.Name("X-Shopify-Access-Token"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/admin/api/2024-10/customers.json?limit=5", method: .get, headers: [token: "shpat_emulator"]) { response in
                XCTAssertEqual(response.status, .ok)
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
                XCTAssertEqual(body["customers"]?.arrayValue?.count, 5)
                XCTAssertTrue(response.headers[try XCTUnwrap(HTTPFields.Element.Name("Link"))]?.contains("rel=\"next\"") == true)
            }
            try await client.execute(uri: "/admin/api/2024-10/customers.json", method: .get) { response in
                XCTAssertEqual(response.status, .unauthorized)
            }
        }
        XCTAssertEqual(host.log.requestsServed, 2)
    }

    func testHostAnswersWithoutASocket() async throws {
        let host = EmulatorHost(dialect: SalesforceDialect(configuration: SalesforceConfiguration()), clock: SteppingClock())
        let routes = SalesforceRoutes(configuration: SalesforceConfiguration(), data: DataSetStore(CustomerDataSet(seed: 8, count: 3)))
        let request = EmulatorRequest(
            method: "GET", path: "/services/data/v59.0/query", query: QueryParameters(raw: "q=SELECT+Id+FROM+Contact"),
            headers: ["authorization": "Bearer 00Demulator!session"], pathParameters: ["version": "v59.0"], receivedAt: Date()
        )
        let reply = try await host.respond(to: request, endpoint: routes.endpoints[0])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.header("Sforce-Limit-Info"), "api-usage=1/15000")
        let body = try JSONDecoder().decode(JSONValue.self, from: Data(reply.body))
        XCTAssertEqual(body["totalSize"]?.intValue, 3)
    }
}
