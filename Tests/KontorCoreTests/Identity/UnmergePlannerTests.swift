import Foundation
import KontorCore
import XCTest

final class UnmergePlannerTests: XCTestCase {
    private let rules = IdentityRules(keys: ["user_id", "email", "phone", "anonymous_id"], defaultCountry: "DE")
    private func d(_ days: Double, _ hours: Double = 0) -> Date { TestDates.day(days, hours: hours) }
    private let sources = ["a1": "crm", "b2": "popup"]

    private var profileA: [Message] {
        [
            .identify("a1", at: d(0), userId: "u1", traits: ["name": "Ada", "city": "Berlin", "preferences": ["coffee": "Lavazza"]]),
            .track("a2", "Order Completed", at: d(1), userId: "u1", properties: ["total": 50]),
        ]
    }

    private var profileB: [Message] {
        [
            .page("b1", at: d(2), anonymousId: "x1"),
            .identify("b2", at: d(3), anonymousId: "x1", traits: ["email": "ada@example.com", "city": "Hamburg", "preferences": ["tea": "green"]]),
            .track("b3", "Order Completed", at: d(4), anonymousId: "x1", properties: ["total": 20.5]),
        ]
    }

    private let merging = Message.identify("m1", at: TestDates.day(5), userId: "u1", traits: ["email": "ada@example.com", "plan": "gold"])

    private func state(_ messages: [Message]) -> (ProfileState, [String: JSONValue]) {
        var traits = ProfileState()
        var computed = ComputedTraitState()
        let set = try? ComputedTraitSet(StandardTraits.definitions)
        for message in messages {
            traits.fold(message, source: sources[message.messageId] ?? "ingest")
            set?.add(message, to: &computed)
        }
        return (traits, set.map { computed.values(at: TestDates.day(30), of: $0) } ?? [:])
    }

    func testUnmergeRestoresBothProfilesExactly() throws {
        var graph = IdentityGraphFixture(rules: rules)
        for message in profileA + profileB { graph.apply(message) }
        let before = (a: graph.snapshot.profiles["p1"], b: graph.snapshot.profiles["p2"])
        XCTAssertEqual(graph.apply(merging).summary, "merge p2 into p1")
        let merged = try XCTUnwrap(graph.snapshot.profiles["p1"])
        let (mergedTraits, mergedComputed) = state(profileA + profileB + [merging])
        XCTAssertEqual(mergedTraits.traits["city"], "Hamburg")
        XCTAssertEqual(mergedComputed["lifetime_value"], 70.5)

        let record = try XCTUnwrap(graph.merges.first)
        let plan = UnmergePlanner(rules: rules).plan(undoing: record, current: merged, messages: graph.messages(of: "p1"))
        XCTAssertEqual(plan.sides.map(\.profile.id), ["p1", "p2"])
        XCTAssertEqual(plan.survivor.profile.identities, before.a?.identities.sorted())
        XCTAssertEqual(plan.restored[0].profile.identities, before.b?.identities.sorted())
        XCTAssertEqual(plan.restored[0].profile.createdAt, before.b?.createdAt)
        XCTAssertEqual(plan.survivor.profile.mergeCount, 0)
        XCTAssertEqual(plan.survivor.messageIDs, ["a1", "a2", "m1"])
        XCTAssertEqual(plan.restored[0].messageIDs, ["b1", "b2", "b3"])

        // Traits and computed traits recomputed from each side's messages equal the originals.
        let all = Dictionary(uniqueKeysWithValues: (profileA + profileB + [merging]).map { ($0.messageId, $0) })
        let restoredB = state(plan.restored[0].messageIDs.compactMap { all[$0] })
        let originalB = state(profileB)
        XCTAssertEqual(restoredB.0, originalB.0)
        XCTAssertEqual(restoredB.1, originalB.1)
        XCTAssertEqual(restoredB.1["lifetime_value"], 20.5)
        XCTAssertEqual(state(plan.survivor.messageIDs.compactMap { all[$0] }).0, state(profileA + [merging]).0)

        // The separated profiles are not merged again by the next message carrying both identifiers.
        graph.apply(plan)
        XCTAssertEqual(graph.owner(.email, "ada@example.com"), "p2")
        let again = graph.apply(.identify("m2", at: d(6), userId: "u1", traits: ["email": "ada@example.com"]))
        XCTAssertEqual(again.summary, "attach p1")
        XCTAssertEqual(again.refusedSummary, ["email:ada@example.com→p2 (the profiles were unmerged)"])
    }

    func testMessagesAfterTheMergeFollowTheIdentifiersTheyCarry() throws {
        var graph = IdentityGraphFixture(rules: rules)
        for message in profileA + profileB + [merging] { graph.apply(message) }
        let later: [Message] = [
            .track("p1", "Order Completed", at: d(6), anonymousId: "x1", properties: ["total": 10]),
            .track("p2", "Order Completed", at: d(7), userId: "u1", properties: ["total": 99]),
            .identify("p3", at: d(8), anonymousId: "x1", traits: ["phone": "+49 30 1234567"]),
            .identify("p4", at: d(9), userId: "u1", traits: ["email": "ada@work.example"]),
            .track("p5", "Product Viewed", at: d(10), userId: "u1", anonymousId: "x1"),
        ]
        for message in later { XCTAssertNotNil(graph.apply(message).profile) }
        let record = try XCTUnwrap(graph.merges.first)
        let current = try XCTUnwrap(graph.snapshot.profiles["p1"])
        let plan = UnmergePlanner(rules: rules).plan(undoing: record, current: current, messages: graph.messages(of: "p1"))
        XCTAssertEqual(plan.survivor.messageIDs, ["a1", "a2", "m1", "p2", "p4", "p5"])
        XCTAssertEqual(plan.restored[0].messageIDs, ["b1", "b2", "b3", "p1", "p3"])
        XCTAssertEqual(plan.survivor.profile.identities.map(\.description), ["email:ada@work.example", "user_id:u1"])
        XCTAssertEqual(plan.restored[0].profile.identities.map(\.description), [
            "anonymous_id:x1", "email:ada@example.com", "phone:+49301234567",
        ])
        XCTAssertEqual(plan.separations.map { "\($0.0)|\($0.1)" }, ["p1|p2"])
    }
}
