import Foundation
import KontorCore
import XCTest

final class SegmentRuleTests: XCTestCase {
    private let now = TestDates.day(100, hours: 9)  // 2024-09-09T09:00:00Z

    private var view: ProfileView {
        ProfileView(
            id: "p1",
            traits: [
                "first_name": "Ada", "age": 36, "city": "Hamburg", "interests": ["running", "coffee"],
                "preferences": ["coffee": "Lavazza", "organic": true], "birthday": "1988-09-20", "vip": nil,
            ],
            computed: ["order_count": 3, "lifetime_value": 249.5, "categories": ["organic", "running"], "last_order_date": "2024-08-30T12:00:00Z"],
            consent: ["email": true, "ads": false],
            identities: ["email": ["ada@example.com"], "user_id": ["u-1"]],
            createdAt: TestDates.day(0), updatedAt: TestDates.day(99))
    }

    /// Every operator, test and call form of the expression language, as segment rules.
    func testEveryOperatorOfTheExpressionLanguage() throws {
        let rows: [(rule: String, member: Bool, line: UInt)] = [
            ("computed.order_count == 3", true, #line),
            ("computed.order_count != 3", false, #line),
            ("computed.order_count < 3", false, #line),
            ("computed.order_count <= 3", true, #line),
            ("computed.order_count > 2", true, #line),
            ("computed.order_count >= 4", false, #line),
            ("1 < computed.order_count < 5", true, #line),
            ("'running' in traits.interests", true, #line),
            ("'golf' not in traits.interests", true, #line),
            ("'coffee' in traits.preferences", true, #line),
            ("'burg' in traits.city", true, #line),
            ("consent.email and computed.order_count >= 2", true, #line),
            ("consent.ads or traits.city == 'Hamburg'", true, #line),
            ("not consent.ads", true, #line),
            ("traits.age + 4 == 40", true, #line),
            ("traits.age - 6 == 30", true, #line),
            ("traits.age * 2 == 72", true, #line),
            ("traits.age / 8 == 4.5", true, #line),
            ("traits.age // 8 == 4", true, #line),
            ("traits.age % 5 == 1", true, #line),
            ("2 ** 3 == 8", true, #line),
            ("-traits.age < 0", true, #line),
            ("traits.first_name ~ '!' == 'Ada!'", true, #line),
            ("(traits.vip if traits.vip is not none else computed.lifetime_value > 200)", true, #line),
            ("traits.interests | length == 2", true, #line),
            ("traits.first_name | lower == 'ada'", true, #line),
            ("computed.categories | select('equalto', 'organic') | list | length > 0", true, #line),
            ("traits.vip is none", true, #line),
            ("traits.nickname is defined", false, #line),
            ("traits.age is number and traits.age is even", true, #line),
            ("traits.city.startswith('Ham')", true, #line),
            ("traits.preferences.get('tea', 'none') == 'none'", true, #line),
            ("identities.email[0].endswith('@example.com')", true, #line),
            ("traits.interests[-1] == 'coffee' and traits.first_name[:2] == 'Ad'", true, #line),
            ("{'a': 1}.a == 1 and [1, 2][1] == 2", true, #line),
            ("str_to_datetime(computed.last_order_date) > now_utc() - duration('P30D')", true, #line),
            ("str_to_datetime(computed.last_order_date) > now_utc() - duration('7d')", false, #line),
            ("traits.birthday[5:] >= today_utc().strftime('%m-%d')", true, #line),
            ("profile.created_at < '2024-06-02' and profile.id == 'p1'", true, #line),
            ("max(computed.order_count, 10) == 10", true, #line),
            ("true", true, #line),
        ]
        for row in rows {
            do {
                let rule = try SegmentRule(name: "s", SegmentDefinition(whereRule: row.rule))
                XCTAssertEqual(rule.evaluate(view, now: now), row.member ? .member : .notMember, row.rule, line: row.line)
            } catch {
                XCTFail("\(row.rule): \(error)", line: row.line)
            }
        }
    }

    func testLoadTimeErrorsCarryOffsetsAndSuggestions() {
        let known = SegmentRule.KnownNames(computed: ["order_count", "lifetime_value"], purposes: ["email", "ads"], segments: ["vip", "s"])
        let rows: [(rule: String, offsets: [Int], fragment: String, line: UInt)] = [
            ("trait.age > 3", [0], "unknown variable 'trait' in segment rule", #line),
            ("computed.order_cnt >= 2", [9], "unknown computed trait 'order_cnt'; did you mean 'order_count'?", #line),
            ("consent.emial", [8], "unknown consent purpose 'emial'; did you mean 'email'?", #line),
            ("segments.vipp and segments.s", [9, 27], "unknown segment 'vipp'; did you mean 'vip'?", #line),
            ("segments.s", [9], "segment 's' cannot refer to itself", #line),
            ("computed.order_count >= ", [24], "expected a value", #line),
            ("computed.order_count + 1", [0], "must be true or false", #line),
            ("traits.x | lenght > 1", [11], "did you mean 'length'", #line),
        ]
        for row in rows {
            XCTAssertThrowsError(try SegmentRule(name: "s", SegmentDefinition(whereRule: row.rule), known: known), row.rule) { error in
                let problems = (error as? SegmentRuleError)?.problems ?? []
                XCTAssertEqual(problems.map(\.offset), row.offsets, row.rule, line: row.line)
                XCTAssertTrue("\(error)".contains(row.fragment), "\(error)", line: row.line)
            }
        }
    }

    func testSegmentSetOrdersDependenciesAndFindsCycles() throws {
        let set = try SegmentSet([
            "zz_buyers": SegmentDefinition(whereRule: "computed.order_count >= 1"),
            "active_buyers": SegmentDefinition(whereRule: "segments.zz_buyers and segments.recent"),
            "recent": SegmentDefinition(whereRule: "str_to_datetime(computed.last_order_date) > now_utc() - duration('30d')"),
            "windowed": SegmentDefinition(whereRule: "computed.recent_orders > 0"),
            "static": SegmentDefinition(whereRule: "traits.city == 'Hamburg'"),
        ], known: SegmentRule.KnownNames(timeDependentComputed: ["recent_orders"]))
        XCTAssertEqual(set.rules.map(\.name), ["recent", "zz_buyers", "active_buyers", "static", "windowed"])
        XCTAssertEqual(set.timeDependentNames, ["recent", "active_buyers", "windowed"])
        XCTAssertEqual(set.rules.first { $0.name == "active_buyers" }?.isTimeDependent, false, "only through 'recent'")
        let outcomes = set.evaluate(view, now: now)
        XCTAssertEqual(outcomes["active_buyers"], .member)
        XCTAssertEqual(set.evaluate(view, now: TestDates.day(200))["active_buyers"], .notMember)
        XCTAssertEqual(set.evaluate(view, now: now, only: ["active_buyers"]), ["active_buyers": .member])

        XCTAssertThrowsError(try SegmentSet([
            "a": SegmentDefinition(whereRule: "segments.b"),
            "b": SegmentDefinition(whereRule: "segments.c"),
            "c": SegmentDefinition(whereRule: "segments.a"),
        ])) { error in
            XCTAssertTrue("\(error)".contains("cycle: a → b → c → a"), "\(error)")
        }
        XCTAssertThrowsError(try SegmentSet([
            "a": SegmentDefinition(whereRule: "trait.x"),
            "b": SegmentDefinition(whereRule: "segments.zzz"),
        ])) { error in
            XCTAssertEqual((error as? SegmentRuleErrors)?.errors.map(\.segment), ["a", "b"], "every segment's problems at once")
        }
    }

    func testEvaluationErrorsMeanNotAMemberAndAreCounted() throws {
        let rule = try SegmentRule(name: "adults", SegmentDefinition(whereRule: "traits.age >= 18"))
        var missing = view
        missing.traits = ["city": "Kiel"]
        var text = view
        text.traits = ["age": "36"]
        let outcomes: [ProfileID: SegmentOutcome] = [
            "p1": rule.evaluate(view, now: now),
            "p2": rule.evaluate(missing, now: now),
            "p3": rule.evaluate(text, now: now),
        ]
        XCTAssertEqual(outcomes["p1"], .member)
        guard case .failed(let error)? = outcomes["p2"] else { return XCTFail("comparing none with 18 fails") }
        XCTAssertEqual(error.offset, 11)
        let diff = MembershipDiff(segment: "adults", previous: ["p3"], outcomes: outcomes, at: now)
        XCTAssertEqual(diff.entered.map(\.profile), ["p1"])
        XCTAssertEqual(diff.exited.map { "\($0.profile):\($0.reason.rawValue)" }, ["p3:evaluation_failed"])
        XCTAssertEqual(diff.failures.keys.sorted(), ["p2", "p3"])
    }
}
