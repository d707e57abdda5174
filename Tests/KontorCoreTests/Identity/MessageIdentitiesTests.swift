import Foundation
import KontorCore
import XCTest

final class MessageIdentitiesTests: XCTestCase {
    private let at = TestDates.day(0)

    func testIdentifiersFromEveryPlace() {
        let rules = IdentityRules(keys: ["user_id", "email", "phone", "shopify_customer_id", "hubspot_id", "anonymous_id"], defaultCountry: "DE")
        let rows: [(message: Message, identities: [String], ignored: [String], line: UInt)] = [
            (.identify("m", at: at, userId: " u-1 ", anonymousId: "a-1"), ["user_id:u-1", "anonymous_id:a-1"], [], #line),
            (.identify("m", at: at, anonymousId: "a", traits: ["email": "ADA@example.com", "phone": "030 1234567"]),
             ["email:ada@example.com", "phone:+49301234567", "anonymous_id:a"], [], #line),
            (.track("m", "Viewed", at: at, anonymousId: "a", context: ["traits": ["email": "ada@example.com"]]),
             ["email:ada@example.com", "anonymous_id:a"], [], #line),
            (.identify("m", at: at, context: ["identifiers": ["shopify_customer_id": 6248377106491, "email": " Ada@Example.com", "hubspot_id": ["h1", "h2"]]]),
             ["email:ada@example.com", "shopify_customer_id:6248377106491", "hubspot_id:h1", "hubspot_id:h2"], [], #line),
            (.identify("m", at: at, context: ["kontor": ["identifiers": ["shopify_customer_id": "s-9", "loyalty_id": "L1"]]]),
             ["shopify_customer_id:s-9"], ["loyalty_id:unknown_kind"], #line),
            (.identify("m", at: at, userId: "u", traits: ["email": "ada@example.com"], context: ["identifiers": ["email": "ada@example.com"]]),
             ["user_id:u", "email:ada@example.com"], [], #line),
            (.identify("m", at: at, traits: ["email": "nobody", "phone": "abc"]), [], ["email:not_normalizable", "phone:not_normalizable"], #line),
            (.identify("m", at: at, anonymousId: "", traits: ["email": nil]), [], [], #line),
        ]
        for row in rows {
            let found = MessageIdentities(of: row.message, rules: rules)
            XCTAssertEqual(found.identities.map(\.description), row.identities, line: row.line)
            XCTAssertEqual(found.ignored.map { "\($0.kind):\($0.reason.rawValue)" }, row.ignored, line: row.line)
        }
        let alias = MessageIdentities(of: .alias("m", at: at, userId: "u", previousId: "old"), rules: rules)
        XCTAssertEqual(alias.previousID, "old")
        XCTAssertEqual(MessageIdentities(of: .identify("m", at: at, userId: "u"), rules: rules).previousID, nil)
    }

    func testRulesFromTheDeploymentSettings() {
        let rules = IdentityRules(IdentitySettings(keys: ["email", "user_id"], maxMerges: 5, limits: ["email": 3]))
        XCTAssertEqual(rules.keys, [.email, .userID])
        XCTAssertEqual(rules.limit(for: .email), 3)
        XCTAssertEqual(rules.limit(for: .userID), 1)
        XCTAssertNil(rules.limit(for: .anonymousID))
        XCTAssertEqual(rules.maxMerges, 5)
        XCTAssertEqual(IdentityRules(IdentitySettings(limits: ["user_id": 2])).limit(for: .userID), 2)
    }

    func testMergeRecordsSurviveTheStore() throws {
        var graph = IdentityGraphFixture(rules: IdentityRules())
        graph.apply(.identify("m1", at: at, userId: "u"))
        graph.apply(.page("m2", at: at.addingTimeInterval(60), anonymousId: "a"))
        graph.apply(.identify("m3", at: at.addingTimeInterval(120), userId: "u", anonymousId: "a"))
        let record = try XCTUnwrap(graph.merges.first)
        let decoded = try JSONDecoder().decode(MergeRecord.self, from: try JSONEncoder().encode(record))
        XCTAssertEqual(decoded, record)
        XCTAssertEqual(decoded.mergedProfile.identities.map(\.description), ["anonymous_id:a", "user_id:u"])
    }
}
