import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import KontorTesting
import XCTest

/// The segment engine over stored profiles: dirty evaluation, consent gates,
/// merges, time-dependent segments and previews.
final class SegmentEngineTests: XCTestCase {
    typealias F = ProfileFixture

    private func stays(_ store: some ProfileStore, _ identity: Identity) async throws -> [MembershipStay] {
        try await store.profileRead { reader in
            guard let owner = try reader.owner(of: identity) else { return [] }
            return try reader.memberships(of: owner)
        }
    }

    func testConsentFlipMovesAProfileOutOfAConsentGatedSegmentAndBack() async throws {
        let store = try await F.store()
        let model = try F.model(segments: ["email_buyers": "consent.email and computed.order_count >= 2"])
        let clock = ManualClock(now: F.day(10))
        let builder = ProfileBuilder(store: store, model: model, clock: clock)
        let engine = SegmentEngine(store: store, model: model, clock: clock)
        let ada = Identity(.userID, "ada")
        _ = try await store.append([
            F.identify("i1", day: 0, user: "ada", traits: ["consent": ["email": "subscribed"]]),
            F.order("o1", day: 1, user: "ada", total: 20), F.order("o2", day: 2, user: "ada", total: 30),
        ], source: "shop")
        _ = try await builder.catchUp()
        var pass = try await engine.evaluateDirty()
        XCTAssertEqual(pass.entered, 1)
        clock.advance(to: F.day(11))
        _ = try await store.append([F.identify("i2", day: 11, user: "ada", context: ["consent": ["categoryPreferences": ["email": false]]])], source: "prefs")
        _ = try await builder.catchUp()
        pass = try await engine.evaluateDirty()
        XCTAssertEqual(pass.exited, 1)
        clock.advance(to: F.day(12))
        _ = try await store.append([F.identify("i3", day: 12, user: "ada", traits: ["consent": ["email": true]])], source: "prefs")
        _ = try await builder.catchUp()
        _ = try await engine.evaluateDirty()
        let history = try await stays(store, ada)
        XCTAssertEqual(history.map(\.enteredAt), [F.day(10), F.day(12)])
        XCTAssertEqual(history.first?.exitedAt, F.day(11))
        XCTAssertEqual(history.first?.exitReason, .ruleUnmatched)
        XCTAssertTrue(history.last?.isOpen == true)
        let dirty = try await store.profileRead { try $0.dirtyProfiles(limit: 10) }
        XCTAssertEqual(dirty, [], "evaluated profiles are clean")
    }

    func testAMergedAwayProfileLeavesItsSegments() async throws {
        let store = try await F.store()
        let model = try F.model(segments: ["visitors": "identities.anonymous_id | length > 0"])
        let clock = ManualClock(now: F.day(10))
        let builder = ProfileBuilder(store: store, model: model, clock: clock)
        let engine = SegmentEngine(store: store, model: model, clock: clock)
        _ = try await store.append([
            F.identify("u", day: 0, user: "u1", traits: ["email": "x@example.com"]),
            F.page("p", day: 1, anonymous: "a1"),
        ], source: "web")
        _ = try await builder.catchUp()
        _ = try await engine.evaluateDirty()
        let anonymous = ProfileIdentifier.derive(source: "web", messageID: "p")
        let membersBefore = try await store.profileRead { try $0.members(of: "visitors", limit: 10) }
        XCTAssertEqual(membersBefore, [anonymous])
        _ = try await store.append([F.identify("join", day: 2, anonymous: "a1", traits: ["email": "x@example.com"])], source: "web")
        _ = try await builder.catchUp()
        let pass = try await engine.evaluateDirty()
        XCTAssertEqual(pass.removed, 1)
        let stays = try await store.profileRead { try $0.memberships(of: anonymous) }
        XCTAssertEqual(stays.first?.exitReason, .profileRemoved)
        let survivor = ProfileIdentifier.derive(source: "web", messageID: "u")
        let membersAfter = try await store.profileRead { try $0.members(of: "visitors", limit: 10) }
        XCTAssertEqual(membersAfter, [survivor])
    }

    func testWindowedTraitExpiresOnTheSchedule() async throws {
        let store = try await F.store()
        let traits = ["spend_30d": ComputedTrait(.sum, .init(event: "Order Completed", property: "total"), within: 30 * 86_400)]
        let model = try F.model(segments: ["recent_spenders": "computed.spend_30d > 0"], traits: traits)
        XCTAssertEqual(model.segments.timeDependentNames, ["recent_spenders"])
        let clock = ManualClock(now: F.day(10))
        let engine = SegmentEngine(store: store, model: model, clock: clock)
        _ = try await store.append([F.order("o1", day: 5, user: "ada", total: 40)], source: "shop")
        _ = try await ProfileBuilder(store: store, model: model, clock: clock).catchUp()
        _ = try await engine.evaluateDirty()
        clock.advance(to: F.day(34))
        let early = try await engine.evaluateTimeDependent().exited
        XCTAssertEqual(early, 0, "day 34: the order of day 5 is 29 days old")
        clock.advance(to: F.day(36))
        let pass = try await engine.evaluateTimeDependent()
        XCTAssertEqual(pass.exited, 1)
        let history = try await stays(store, Identity(.userID, "ada"))
        XCTAssertEqual(history.first?.exitedAt, F.day(36))
        XCTAssertEqual(history.first?.exitReason, .ruleUnmatched)
    }

    func testRuleFailuresCountAsNotMembers() async throws {
        let store = try await F.store()
        let model = try F.model(segments: ["adults": "traits.age >= 18"])
        let clock = ManualClock(now: F.day(10))
        _ = try await store.append([
            F.identify("1", day: 0, user: "old", traits: ["age": 40]),
            F.identify("2", day: 0, user: "young", traits: ["age": 12]),
            F.identify("3", day: 0, user: "unknown"),
        ], source: "crm")
        _ = try await ProfileBuilder(store: store, model: model, clock: clock).catchUp()
        let pass = try await SegmentEngine(store: store, model: model, clock: clock).evaluateDirty()
        XCTAssertEqual(pass.entered, 1)
        XCTAssertEqual(pass.failures, ["adults": 1])
    }

    func testPreviewCountsWithoutSaving() async throws {
        let store = try await F.store()
        let model = try F.model(segments: ["buyers": "computed.order_count >= 1"])
        let clock = ManualClock(now: F.day(10))
        _ = try await store.append((0..<12).map { F.order("o\($0)", day: 1, user: "u\($0 % 5)", total: 3) }, source: "shop")
        _ = try await ProfileBuilder(store: store, model: model, clock: clock).catchUp()
        let engine = SegmentEngine(store: store, model: model, clock: clock, batchSize: 2)
        let preview = try await engine.preview("buyers", limit: 3)
        XCTAssertEqual(preview.evaluated, 5)
        XCTAssertEqual(preview.matching, 5)
        XCTAssertEqual(preview.sample.count, 3)
        XCTAssertEqual(preview.sample, preview.sample.sorted())
        XCTAssertEqual(preview.currentMembers, 0, "nothing was saved yet")
        let sizes = try await store.profileRead { try $0.segmentSizes() }
        XCTAssertEqual(sizes, [:], "a preview saves nothing")
    }
}
