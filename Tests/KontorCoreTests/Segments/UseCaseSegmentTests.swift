import Foundation
import KontorCore
import XCTest

/// The use-case examples of docs/segments.md, compiled and run on hand-made profiles.
final class UseCaseSegmentTests: XCTestCase {
    static let traits: [String: ComputedTrait] = StandardTraits.definitions.merging([
        "autumn_running_trailfox": ComputedTrait(.count, .init(
            event: "Order Completed",
            whereRule: "event.timestamp >= '2024-09-01' and event.timestamp < '2024-12-01' and "
                + "properties.products | selectattr('category', 'equalto', 'running') | selectattr('brand', 'equalto', 'Trailfox') | list | length > 0")),
        "spend_90d": ComputedTrait(.sum, .init(event: "Order Completed", property: "total"), within: 90 * 86_400),
        "coffee_brands": ComputedTrait(.distinct, .init(event: "Order Completed", property: "products.brand",
                                                        whereRule: "'coffee' in (properties.products | map(attribute='category') | list)")),
        "tv_views_7d": ComputedTrait(.count, .init(event: "Product Viewed", whereRule: "properties.category == 'tv'"), within: 7 * 86_400),
        "tv_orders_30d": ComputedTrait(.count, .init(
            event: "Order Completed", whereRule: "'tv' in (properties.products | map(attribute='category') | list)"), within: 30 * 86_400),
        "skus_bought": ComputedTrait(.distinct, .init(event: "Order Completed", property: "products.sku")),
    ]) { first, _ in first }

    static let segments: [String: String] = [
        "autumn_early_access": "computed.autumn_running_trailfox >= 1 and consent.email",
        "loyal_coffee_lovers": "computed.order_count >= 20 and computed.spend_90d >= 150 and traits.preferences.organic and consent.personalisation",
        "tv_researchers": "computed.tv_views_7d >= 2 and computed.tv_orders_30d == 0 and consent.personalisation",
        "recall_kx_2231": "'KX-2231' in computed.skus_bought",
        "birthday_this_month": "traits.birthday is string and traits.birthday[5:7] == today_utc().strftime('%m')",
        "wishlist_runners": "traits.wishlist | length > 0 and 'running' in traits.interests and consent.email",
        "slipping_big_spenders": "computed.rfm_recency <= 2 and computed.rfm_monetary >= 4",
    ]

    private func d(_ day: Double) -> Date { TestDates.day(day) }  // day 0 = 2024-06-01

    private func order(_ id: String, _ day: Double, total: Double, _ lines: [[String: JSONValue]]) -> Message {
        .track(id, "Order Completed", at: d(day), userId: "u", properties: ["total": .double(total), "products": .array(lines.map(JSONValue.object))])
    }

    private func view(_ messages: [Message], traits: JSONValue, consent: [String: JSONValue], now: Date) throws -> ProfileView {
        let set = try ComputedTraitSet(Self.traits)
        var state = ComputedTraitState()
        for message in messages { set.add(message, to: &state) }
        var computed = state.values(at: now, of: set)
        computed.merge(DerivedTraits().values(from: computed, at: now)) { first, _ in first }
        return ProfileView(id: "p", traits: traits, computed: computed, consent: consent, createdAt: d(0), updatedAt: now)
    }

    func testUseCaseSegments() throws {
        let windowed = try ComputedTraitSet(Self.traits).windowedNames
        let known = SegmentRule.KnownNames(
            computed: Set(Self.traits.keys).union(DerivedTraits.names), purposes: ["email", "ads", "personalisation"],
            timeDependentComputed: windowed.union(DerivedTraits.timeDependentNames))
        let set = try SegmentSet(Self.segments.mapValues { SegmentDefinition(whereRule: $0) }, known: known)
        XCTAssertEqual(set.timeDependentNames, ["loyal_coffee_lovers", "tv_researchers", "birthday_this_month", "slipping_big_spenders"])

        let runner = [
            order("o1", 110, total: 129, [["sku": "TF-RUN-1", "category": "running", "brand": "Trailfox"]]),  // 2024-09-19
            order("o2", 130, total: 89, [["sku": "KX-2231", "category": "kitchen", "brand": "Kitchex"]]),
        ]
        let now = d(400)  // 2025-07-06
        let consented: [String: JSONValue] = ["email": true, "ads": false, "personalisation": true]
        let runnerView = try view(runner, traits: ["interests": ["running"], "wishlist": ["TF-RUN-2"], "birthday": "1990-07-14"],
                                  consent: consented, now: now)
        XCTAssertEqual(members(set, runnerView, now), ["autumn_early_access", "birthday_this_month", "recall_kx_2231", "wishlist_runners"])

        var coffee: [Message] = (0..<20).map { index in
            order("c\(index)", 300 + Double(index) * 4, total: 24, [["sku": "LV-1", "category": "coffee", "brand": "Lavazza"]])
        }
        coffee.append(.track("v1", "Product Viewed", at: d(396), userId: "u", properties: ["category": "tv"]))
        coffee.append(.track("v2", "Product Viewed", at: d(399), userId: "u", properties: ["category": "tv"]))
        let coffeeView = try view(coffee, traits: ["preferences": ["organic": true]], consent: consented, now: now)
        XCTAssertEqual(coffeeView.computed["coffee_brands"], ["Lavazza"])
        XCTAssertEqual(members(set, coffeeView, now), ["loyal_coffee_lovers", "tv_researchers"])
        let later = try view(coffee, traits: ["preferences": ["organic": true]], consent: consented, now: d(420))
        XCTAssertEqual(members(set, later, d(420)), ["loyal_coffee_lovers"], "the TV views left their 7-day window")
        let muchLater = try view(coffee, traits: ["preferences": ["organic": true]], consent: consented, now: d(470))
        XCTAssertEqual(muchLater.computed["spend_90d"], 0)
        XCTAssertEqual(members(set, muchLater, d(470)), [], "no order in the last 90 days")

        let bigOld = [order("b1", 0, total: 900, []), order("b2", 10, total: 300, [])]
        XCTAssertEqual(members(set, try view(bigOld, traits: [:], consent: consented, now: d(300)), d(300)), ["slipping_big_spenders"])
    }

    private func members(_ set: SegmentSet, _ view: ProfileView, _ now: Date) -> [String] {
        let outcomes = set.evaluate(view, now: now)
        XCTAssertTrue(outcomes.values.allSatisfy { if case .failed = $0 { false } else { true } }, "\(outcomes)")
        return outcomes.filter(\.value.isMember).keys.sorted()
    }
}
