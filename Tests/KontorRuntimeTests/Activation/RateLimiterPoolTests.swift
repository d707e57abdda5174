import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import XCTest

/// One rate budget per account.
final class RateLimiterPoolTests: XCTestCase {
    func testDestinationsWithOneKeyShareABudgetAndOtherKeysDoNot() async throws {
        let base = try ActivationFixture.destination(name: "newsletter")
        func settings(key: String, list: String) -> JSONValue {
            ["api_key": .string(key), "list_id": .string(list), "double_opt_in": false]
        }
        let pool = RateLimiterPool()
        let first = try await pool.limiter(plugin: base.plugin, settings: settings(key: "k-us1", list: "A"))
        let sameKey = try await pool.limiter(plugin: base.plugin, settings: settings(key: "k-us1", list: "B"))
        let otherKey = try await pool.limiter(plugin: base.plugin, settings: settings(key: "j-us1", list: "A"))
        XCTAssertTrue(first === sameKey, "one key, two lists: one account")
        XCTAssertFalse(first === otherKey, "another key is another account")
    }
}
