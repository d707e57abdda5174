import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import XCTest

/// How a destination's operations become requests.
final class OperationRouteTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_750_000_000)

    func testBatchRequestCarriesThePayloadsInPlaceOfDollarBatch() throws {
        let destination = try ActivationFixture.destination(name: "newsletter")
        let route = try destination.route(for: .add)
        let payloads: [JSONValue] = [["email_address": "a@x.test"], ["email_address": "b@x.test"]]
        let draft = try route.draft(payloads: payloads, config: destination.settings, now: now)
        XCTAssertEqual(draft.method, "POST")
        XCTAssertEqual(draft.url, "http://newsletter.mailchimp.test/3.0/lists/L1")
        XCTAssertEqual(draft.bodyJSON, ["members": .array(payloads), "update_existing": true, "sync_tags": false])
        XCTAssertEqual(route.limits.size, 500)
        XCTAssertEqual(route.limits.maxWait, 30)
    }

    func testRemoveUsesThePerModeRequestWithTheRecord() throws {
        let destination = try ActivationFixture.destination(name: "newsletter")
        let route = try destination.route(for: .remove)
        let draft = try route.draft(payloads: [["email_address": "A@X.test"]], config: destination.settings, now: now)
        XCTAssertEqual(draft.method, "DELETE")
        XCTAssertEqual(draft.url, "http://newsletter.mailchimp.test/3.0/lists/L1/members/" + PIIHasher.hash("a@x.test", algorithm: .md5))
        XCTAssertEqual(route.limits.size, 1)
        XCTAssertNil(draft.bodyJSON)
    }

    func testUpdateFallsBackToTheActionsOwnRequest() throws {
        let destination = try ActivationFixture.destination(name: "newsletter")
        XCTAssertEqual(try destination.route(for: .update).request.method, "POST")
        XCTAssertThrowsError(try destination.route(for: .erase))
    }

    func testSpecDefaultsFillTheSettings() throws {
        let destination = try ActivationFixture.destination(name: "newsletter")
        XCTAssertEqual(destination.settings["double_opt_in"], false)
        XCTAssertEqual(destination.settings["list_id"], "L1")
        XCTAssertEqual(destination.concurrency, 4)
    }

    func testAnUnknownActionIsRefusedWithASuggestion() throws {
        let base = try ActivationFixture.destination(name: "newsletter")
        var config = base.config
        config.action = "member"
        XCTAssertThrowsError(try ActivationDestination(name: "newsletter", config: config, plugin: base.plugin)) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'members'?"), "\(error)")
        }
    }
}
