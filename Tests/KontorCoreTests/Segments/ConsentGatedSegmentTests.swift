import Foundation
import KontorCore
import XCTest

/// The whole pure pipeline for one profile: messages → consent, traits, computed traits → segment membership.
final class ConsentGatedSegmentTests: XCTestCase {
    private struct Pipeline {
        let consentSettings = ConsentSettings(purposes: ["email", "ads"])
        let traits: ComputedTraitSet
        let segments: SegmentSet
        var profile = ProfileState()
        var computed = ComputedTraitState()
        var consent = ConsentState()
        var members: Set<ProfileID> = []

        init() throws {
            traits = try ComputedTraitSet(StandardTraits.definitions)
            segments = try SegmentSet(
                ["email_repeat_buyers": SegmentDefinition(whereRule: "consent.email and computed.order_count >= 2")],
                known: SegmentRule.KnownNames(computed: Set(StandardTraits.definitions.keys), purposes: ["email", "ads"]))
        }

        /// Folds one message and returns the membership changes it causes.
        mutating func process(_ message: Message, source: String) -> [String] {
            profile.fold(message, source: source)
            traits.add(message, to: &computed)
            for entry in ConsentExtractor(consentSettings).entries(in: message, source: source).entries { consent.record(entry) }
            let view = ProfileView(
                id: "p1", traits: profile.traits, computed: computed.values(at: message.timestamp, of: traits),
                consent: consent.view(consentSettings), createdAt: TestDates.day(0), updatedAt: message.timestamp)
            let outcome = segments.evaluate(view, now: message.timestamp)["email_repeat_buyers"] ?? .notMember
            let diff = MembershipDiff(segment: "email_repeat_buyers", previous: members, outcomes: ["p1": outcome], at: message.timestamp)
            members = diff.applied(to: members)
            return diff.changes.map { "\($0.direction.rawValue) \($0.reason.rawValue)" }
        }
    }

    func testAConsentFlipMovesAProfileOutOfAConsentGatedSegmentAndBack() throws {
        var pipeline = try Pipeline()
        let d = { (day: Double) in TestDates.day(day) }
        let order = { (id: String, day: Double) in Message.track(id, "Order Completed", at: d(day), userId: "u", properties: ["total": 40]) }
        let rows: [(message: Message, source: String, changes: [String], line: UInt)] = [
            (.identify("m1", at: d(0), userId: "u", traits: ["consent": ["email": true]]), "popup", [], #line),
            (order("o1", 1), "shop", [], #line),
            (order("o2", 2), "shop", ["entered rule_matched"], #line),
            (.identify("m2", at: d(3), userId: "u", context: ["consent": ["categoryPreferences": ["email": false]]]), "shop",
             ["exited rule_unmatched"], #line),
            (order("o3", 4), "shop", [], #line),
            (.identify("m3", at: d(5), userId: "u", traits: ["consent": ["email": "subscribed"]]), "preference-centre",
             ["entered rule_matched"], #line),
            (.identify("m4", at: d(6), userId: "u", context: ["kontor": ["consent": ["ads": false]]]), "shop", [], #line),
        ]
        for row in rows {
            XCTAssertEqual(pipeline.process(row.message, source: row.source), row.changes, row.message.messageId, line: row.line)
        }
        XCTAssertEqual(pipeline.consent.history.filter { $0.purpose == "email" }.map(\.granted), [true, false, true])
    }
}
