import Foundation
import KontorCore
import XCTest

final class ComputedTraitTests: XCTestCase {
    private func d(_ days: Double, _ hours: Double = 0) -> Date { TestDates.day(days, hours: hours) }

    private var events: [Message] {
        [
            .track("o1", "Order Completed", at: d(0), userId: "u", properties: [
                "total": 100, "products": [["sku": "A", "category": "running"], ["sku": "B", "category": "coffee"]],
            ]),
            .track("o2", "Order Completed", at: d(10), userId: "u", properties: ["total": "49.90", "products": [["sku": "A", "category": "running"]]]),
            .track("o3", "Order Completed", at: d(40), userId: "u", properties: ["total": 25.5, "coupon": "SUMMER"]),
            .track("v1", "Product Viewed", at: d(95), userId: "u", properties: ["sku": "TV-55"]),
            .track("o4", "Order Completed", at: d(100), userId: "u", properties: ["total": 200, "products": [["sku": "C", "category": "organic"]]]),
            .track("o5", "Order Completed", at: d(101), userId: "u"),
            .identify("i1", at: d(102), userId: "u", traits: ["total": 1000]),
        ]
    }

    private func definitions() -> [String: ComputedTrait] {
        var definitions = StandardTraits.definitions
        let order = { (property: String?, filter: String?) in ComputedTrait.EventFilter(event: "Order Completed", property: property, whereRule: filter) }
        definitions["max_order"] = ComputedTrait(.max, order("total", nil))
        definitions["min_order"] = ComputedTrait(.min, order("total", nil))
        definitions["categories"] = ComputedTrait(.distinct, order("products.category", nil))
        definitions["big_orders"] = ComputedTrait(.count, order(nil, "properties.total | float > 50"))
        definitions["recent_orders"] = ComputedTrait(.count, order(nil, nil), within: 30 * 86_400)
        definitions["recent_spend"] = ComputedTrait(.sum, order("total", nil), within: 90 * 86_400)
        definitions["last_coupon"] = ComputedTrait(.last, order("coupon", nil))
        definitions["first_skus"] = ComputedTrait(.first, order("products.sku", nil))
        definitions["viewed_tv"] = ComputedTrait(.count, .init(event: "Product Viewed", whereRule: "properties.sku.startswith('TV')"), within: 14 * 86_400)
        return definitions
    }

    private func values(_ messages: [Message], at now: Date) throws -> [String: JSONValue] {
        let set = try ComputedTraitSet(definitions())
        var state = ComputedTraitState()
        for message in messages { XCTAssertEqual(set.add(message, to: &state), []) }
        return state.values(at: now, of: set)
    }

    func testValuesAgainstHandComputedResults() throws {
        let values = try values(events, at: d(105))
        let expected: [String: JSONValue] = [
            "order_count": 5,
            "first_order_date": "2024-06-01T00:00:00Z",
            "last_order_date": "2024-09-10T00:00:00Z",
            "max_order": 200,
            "min_order": 25.5,
            "categories": ["coffee", "organic", "running"],
            "big_orders": 2,
            "recent_orders": 2,  // o4 (day 100) and o5 (day 101) are within 30 days of day 105
            "recent_spend": 225.5,  // o3 (day 40) + o4 (day 100); o5 has no total
            "last_coupon": "SUMMER",
            "first_skus": ["A", "B"],
            "viewed_tv": 1,
        ]
        for (name, value) in expected { XCTAssertEqual(values[name], value, name) }
        XCTAssertEqual(values["lifetime_value"]?.doubleValue ?? 0, 375.4, accuracy: 1e-9)
    }

    func testWindowedTraitsExpireAsTimePasses() throws {
        let rows: [(day: Double, recentOrders: JSONValue, recentSpend: JSONValue, viewedTV: JSONValue, line: UInt)] = [
            (100.5, 1, 225.5, 1, #line),  // o5 (day 101) is in the future: not yet counted
            (101, 2, 225.5, 1, #line),
            (109, 2, 225.5, 1, #line),
            (109.5, 2, 225.5, 0, #line),  // the TV view of day 95 left its 14-day window
            (130, 2, 225.5, 0, #line),  // day 100 is exactly 30 days back: still inside
            (130.5, 1, 200, 0, #line),  // o3 (day 40) left the 90-day window after day 130
            (131, 1, 200, 0, #line),
            (131.5, 0, 200, 0, #line),
            (190, 0, 200, 0, #line),
            (190.5, 0, 0, 0, #line),
        ]
        for row in rows {
            let values = try values(events, at: d(row.day))
            XCTAssertEqual(values["recent_orders"], row.recentOrders, "day \(row.day)", line: row.line)
            XCTAssertEqual(values["recent_spend"], row.recentSpend, "day \(row.day)", line: row.line)
            XCTAssertEqual(values["viewed_tv"], row.viewedTV, "day \(row.day)", line: row.line)
            XCTAssertEqual(values["order_count"], 5, "windowless traits do not expire", line: row.line)
        }
    }

    func testNextExpiryAndPruning() throws {
        let set = try ComputedTraitSet(definitions())
        var state = ComputedTraitState()
        for message in events { set.add(message, to: &state) }
        XCTAssertEqual(state.nextExpiry(after: d(105)), d(109))  // the TV view of day 95 + 14 days
        XCTAssertEqual(state.nextExpiry(after: d(109)), d(130))
        let before = state.values(at: d(131), of: set)
        state.prune(before: d(131))
        XCTAssertEqual(state.accumulators["recent_spend"]?.samples.map(\.messageID), ["o4", "o5"])
        XCTAssertEqual(state.values(at: d(131), of: set), before)
    }

    func testAccumulatorsAreOrderIndependentAndMergeLikeOneHistory() throws {
        let set = try ComputedTraitSet(definitions())
        let reference = try values(events, at: d(105))
        var random = SeededRandomNumberGenerator(seed: 99)
        for _ in 0..<30 {
            let shuffled = events.shuffled(using: &random)
            let cut = Int.random(in: 0...shuffled.count, using: &random)
            var left = ComputedTraitState()
            var right = ComputedTraitState()
            for message in shuffled[..<cut] { set.add(message, to: &left) }
            for message in shuffled[cut...] { set.add(message, to: &right) }
            XCTAssertEqual(left.merged(with: right).values(at: d(105), of: set), reference)
        }
    }

    func testDerivedAverageOrderValueAndRFM() throws {
        let derived = DerivedTraits()
        let rows: [(day: Double, expected: [String: JSONValue], line: UInt)] = [
            (105, ["average_order_value": 75.08, "rfm_recency": 5, "rfm_frequency": 4, "rfm_monetary": 3, "rfm": "543"], #line),
            (300, ["average_order_value": 75.08, "rfm_recency": 2, "rfm_frequency": 4, "rfm_monetary": 3, "rfm": "243"], #line),
            (500, ["average_order_value": 75.08, "rfm_recency": 1, "rfm_frequency": 4, "rfm_monetary": 3, "rfm": "143"], #line),
        ]
        for row in rows {
            let computed = try values(events, at: d(row.day))
            XCTAssertEqual(derived.values(from: computed, at: d(row.day)), row.expected, line: row.line)
        }
        let none = try values([], at: d(0))
        XCTAssertEqual(derived.values(from: none, at: d(0)), ["rfm_recency": 1, "rfm_frequency": 1, "rfm_monetary": 1, "rfm": "111"])
    }

    func testRFMThresholdsAreConfigurable() {
        let rows: [(days: Double, orders: Int, money: Decimal, code: String)] = [
            (0, 0, 0, "511"), (30, 2, 100, "522"), (30.5, 3, 250, "433"), (90, 5, 500, "444"),
            (91, 10, 1000, "355"), (180, 1, 99.99, "311"), (365, 9, 999, "244"), (366, 100, 1e6, "155"),
        ]
        let thresholds = RFMThresholds()
        for row in rows {
            let score = thresholds.score(lastOrder: d(0), orderCount: row.orders, lifetimeValue: row.money, now: d(row.days))
            XCTAssertEqual(score.code, row.code, "\(row)")
        }
        let strict = RFMThresholds(recencyDays: [7, 14, 21, 28], frequency: [5, 10, 20, 50], monetary: [1000, 2000, 5000, 10000])
        XCTAssertEqual(strict.score(lastOrder: d(0), orderCount: 12, lifetimeValue: 2500, now: d(10)).code, "433")
    }

    func testFilterErrorsAreReportedAtLoadAndCountedAtRunTime() throws {
        XCTAssertThrowsError(try ComputedTraitSet([
            "a": ComputedTrait(.count, .init(event: "X", whereRule: "propertes.total > 1")),
            "b": ComputedTrait(.count, .init(event: "X", whereRule: "properties.total >")),
        ])) { error in
            let errors = (error as? ComputedTraitErrors)?.errors ?? []
            XCTAssertEqual(errors.map(\.trait), ["a", "b"])
            XCTAssertEqual(errors.first?.problems.first?.offset, 0)
            XCTAssertTrue(errors.first?.description.contains("did you mean 'properties'") ?? false, "\(errors)")
        }
        let set = try ComputedTraitSet(["big": ComputedTrait(.count, .init(event: "Order Completed", whereRule: "properties.total > 50"))])
        var state = ComputedTraitState()
        XCTAssertEqual(set.add(events[1], to: &state), ["big"], "'49.90' > 50 compares text with a number")
        XCTAssertEqual(set.add(events[0], to: &state), [])
        XCTAssertEqual(state.values(at: d(1), of: set)["big"], 1)
    }
}
