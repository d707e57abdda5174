import Foundation
import KontorCore
import XCTest

final class ProfileStateTests: XCTestCase {
    private func d(_ days: Double, _ hours: Double = 0) -> Date { TestDates.day(days, hours: hours) }

    private func identify(_ id: String, _ at: Date, _ traits: [String: JSONValue]) -> Message {
        .identify(id, at: at, userId: "u1", traits: traits)
    }

    private var history: [(message: Message, source: String)] {
        [
            (identify("m01", d(0), ["first_name": "Ada", "city": "Berlin", "consent": ["email": true]]), "shop"),
            (identify("m02", d(1), ["city": "Hamburg", "preferences": ["coffee": "Lavazza"]]), "popup"),
            (identify("m03", d(2), ["preferences": ["organic": true], "wishlist": ["sku-1", "sku-2"]]), "popup"),
            (identify("m04", d(3), ["survey": ["nps": 9, "favourite_store": "Altona"]]), "survey"),
            (identify("m05", d(3), ["city": "Munich"]), "shop"),  // same instant as m06: the larger messageId wins
            (identify("m06", d(3), ["city": "Potsdam"]), "shop"),
            (identify("m07", d(4), ["address": ["street": "Elbchaussee 1", "zip": "22763"]]), "shop"),
            (identify("m08", d(5), ["address": nil]), "crm"),
            (identify("m09", d(6), ["address": ["zip": "20095"]]), "shop"),
            (identify("m10", d(7), ["wishlist": ["sku-3"], "first_name": "Ada Lovelace"]), "popup"),
            (Message.track("m11", "Order Completed", at: d(8), userId: "u1", properties: ["total": 9]), "shop"),
        ]
    }

    func testFoldedTraitsKeepTheLatestValuePerLeafWithItsSource() {
        var state = ProfileState()
        state.fold(history)
        XCTAssertEqual(state.traits, [
            "first_name": "Ada Lovelace",
            "city": "Potsdam",
            "preferences": ["coffee": "Lavazza", "organic": true],
            "wishlist": ["sku-3"],
            "survey": ["nps": 9, "favourite_store": "Altona"],
            "address": ["zip": "20095"],
        ])
        XCTAssertEqual(state.provenance(of: ["preferences", "coffee"]), TraitValue("Lavazza", source: "popup", at: d(1), messageID: "m02"))
        XCTAssertEqual(state.provenance(of: ["survey", "nps"])?.source, "survey")
        XCTAssertNil(state.provenance(of: ["consent"]), "consent is folded by ConsentState")
        XCTAssertNil(state.provenance(of: ["address", "street"]), "dominated by the newer address: null")
        XCTAssertEqual(state.firstSeen, d(0))
        XCTAssertEqual(state.lastSeen, d(8))
    }

    func testFoldingIsIndependentOfArrivalOrder() throws {
        var reference = ProfileState()
        reference.fold(history)
        var random = SeededRandomNumberGenerator(seed: 42)
        for round in 0..<50 {
            var state = ProfileState()
            state.fold(history.shuffled(using: &random))
            XCTAssertEqual(state, reference, "shuffle \(round)")
            XCTAssertEqual(state.traits, reference.traits, "shuffle \(round)")
        }
        let encoded = try JSONEncoder().encode(reference)
        XCTAssertEqual(try JSONDecoder().decode(ProfileState.self, from: encoded), reference)
    }

    func testMergingTwoStatesEqualsFoldingAllTheirMessages() {
        var random = SeededRandomNumberGenerator(seed: 7)
        var reference = ProfileState()
        reference.fold(history)
        for _ in 0..<20 {
            let shuffled = history.shuffled(using: &random)
            let cut = Int.random(in: 0...shuffled.count, using: &random)
            var left = ProfileState()
            var right = ProfileState()
            left.fold(Array(shuffled[..<cut]))
            right.fold(Array(shuffled[cut...]))
            XCTAssertEqual(left.merged(with: right), reference)
            XCTAssertEqual(right.merged(with: left), reference)
        }
    }

    func testAHigherPrioritySourceBeatsNewerValuesOfLowerOnes() {
        let rows: [(priority: [String], expected: JSONValue, line: UInt)] = [
            ([], "from-popup", #line),  // latest wins
            (["crm"], "from-crm", #line),
            (["shop", "crm"], "from-shop", #line),
            (["crm", "shop"], "from-crm", #line),
            (["popup"], "from-popup", #line),
        ]
        let messages: [(message: Message, source: String)] = [
            (identify("s1", d(0), ["segment_hint": "from-shop"]), "shop"),
            (identify("s2", d(1), ["segment_hint": "from-crm"]), "crm"),
            (identify("s3", d(2), ["segment_hint": "from-popup"]), "popup"),
        ]
        for row in rows {
            for order in [messages, messages.reversed()] {
                var state = ProfileState(policy: TraitPolicy(sourcePriority: row.priority))
                state.fold(order)
                XCTAssertEqual(state.traits["segment_hint"], row.expected, "priority \(row.priority)", line: row.line)
            }
        }
    }
}
