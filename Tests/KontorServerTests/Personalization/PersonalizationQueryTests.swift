import Foundation
import KontorCore
@testable import KontorServer
import XCTest

/// Which value an exposed trait name selects, and how lookups normalise identifiers.
final class PersonalizationQueryTests: XCTestCase {
    func testExposedNamesSelectComputedTraitsThenTraitsThenDottedPaths() {
        let view = ProfileView(
            id: "p_1",
            traits: [
                "first_name": "Ada", "order_count": "shadowed", "preferences": ["coffee": "Lavazza", "milk": ["oat": true]],
                "a.b": "literal dotted key",
            ],
            computed: ["order_count": 3], createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let cases: [(name: String, expected: JSONValue?)] = [
            ("first_name", "Ada"),
            ("order_count", 3),
            ("preferences", ["coffee": "Lavazza", "milk": ["oat": true]]),
            ("preferences.coffee", "Lavazza"),
            ("preferences.milk.oat", true),
            ("a.b", "literal dotted key"),
            ("preferences.tea", nil),
            ("preferences.", nil),
            (".coffee", nil),
            ("first_name.x", nil),
            ("unknown", nil),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(PersonalizationQuery.value(named: name, in: view), expected, name)
        }
    }

    func testLookupsNormaliseAsTheProfileBuilderDoes() throws {
        let rules = IdentityRules(IdentitySettings())
        let cases: [(parameter: String, value: String, expected: Identity?)] = [
            ("user_id", " u-1 ", Identity(.userID, "u-1")),
            ("anonymous_id", "a-9", Identity(.anonymousID, "a-9")),
            ("email", " Ada@Example.COM", Identity(.email, "ada@example.com")),
        ]
        for (parameter, value, expected) in cases {
            XCTAssertEqual(try PersonLookup(parameter: parameter, value: value).identity(rules: rules), expected, value)
        }
        let withoutEmail = IdentityRules(IdentitySettings(keys: ["user_id"]))
        XCTAssertNil(
            try PersonLookup(parameter: "email", value: "ada@example.com").identity(rules: withoutEmail),
            "a kind identity.keys does not list can match nobody")
        XCTAssertThrowsError(try PersonLookup(parameter: "email", value: "ada.example.com").identity(rules: rules)) { error in
            XCTAssertEqual((error as? APIError)?.field, "email")
        }
    }
}
