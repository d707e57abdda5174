import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import KontorTesting
import XCTest

/// `ProfileBuilder.unmerge`: both profiles come back exactly, and stay apart.
final class UnmergeTests: XCTestCase {
    typealias F = ProfileFixture

    private let beforeMerge: [(Message, String)] = [
        (F.identify("a1", day: 0, user: "u-a", traits: ["email": "ann@example.com", "name": "Ann", "consent": ["email": true]]), "shop"),
        (F.order("a2", day: 1, user: "u-a", total: 10), "shop"),
        (F.identify("b1", day: 2, anonymous: "anon-b", traits: ["city": "Köln", "consent": ["ads": true]]), "web"),
        (F.order("b2", day: 3, anonymous: "anon-b", total: 5), "web"),
    ]
    private let merging = F.identify("m", day: 4, user: "u-a", anonymous: "anon-b", traits: ["plan": "gold"])
    private let afterMerge = F.order("b3", day: 5, anonymous: "anon-b", total: 7)

    private func build(_ store: some ProfileStore & EventLog, _ messages: [(Message, String)], model: ProfileModel) async throws {
        for (message, source) in messages { _ = try await store.append([message], source: source) }
        _ = try await ProfileBuilder(store: store, model: model, clock: ManualClock(now: F.day(10))).catchUp()
    }

    func testUnmergeRestoresBothProfilesExactly() async throws {
        let model = try F.model(segments: ["everyone": "profile.id != ''"])
        let reference = try await F.store()
        try await build(reference, beforeMerge + [(afterMerge, "web")], model: model)
        let annRead = try await F.profile(reference, Identity(.userID, "u-a"))
        let annBefore = try XCTUnwrap(annRead)
        let bRead = try await F.profile(reference, Identity(.anonymousID, "anon-b"))
        let bBefore = try XCTUnwrap(bRead)

        let store = try await F.store()
        try await build(store, beforeMerge + [(merging, "app"), (afterMerge, "web")], model: model)
        let mergedRead = try await F.profile(store, Identity(.anonymousID, "anon-b"))
        let merged = try XCTUnwrap(mergedRead)
        XCTAssertEqual(merged.id, annBefore.id)
        XCTAssertEqual(merged.computedValues["order_count"], 3)
        let engine = SegmentEngine(store: store, model: model, clock: ManualClock(now: F.day(10)))
        _ = try await engine.evaluateDirty()
        let firstMerge = try await store.profileRead { try $0.merges(involving: [merged.id]) }.first?.id
        let mergeID = try XCTUnwrap(firstMerge)

        let builder = ProfileBuilder(store: store, model: model, clock: ManualClock(now: F.day(11)))
        let summary = try await builder.unmerge(mergeID)
        XCTAssertEqual(summary.sides.map(\.profile), [annBefore.id, bBefore.id])
        XCTAssertEqual(summary.sides.map(\.messages), [3, 3], "Ann: a1, a2 and the merging message; B: b1, b2, b3")
        XCTAssertEqual(summary.missingEvents, 0)

        let annAfter = try await store.profileRead { try $0.profile(annBefore.id) }
        let ann = try XCTUnwrap(annAfter)
        let bAfter = try await store.profileRead { try $0.profile(bBefore.id) }
        let b = try XCTUnwrap(bAfter)
        XCTAssertNil(b.mergedInto)
        XCTAssertEqual(b.identities, bBefore.identities)
        XCTAssertEqual(b.traits, bBefore.traits, "B's traits with provenance, exactly")
        XCTAssertEqual(b.consent, bBefore.consent)
        XCTAssertEqual(b.computedValues, bBefore.computedValues)
        XCTAssertEqual(b.createdAt, bBefore.createdAt)
        XCTAssertEqual(ann.identities, annBefore.identities, "the merging message brought no new identifier")
        XCTAssertEqual(ann.consent, annBefore.consent)
        XCTAssertEqual(ann.computedValues, annBefore.computedValues)
        var annTraits = annBefore.traits
        annTraits.fold(merging, source: "app")
        XCTAssertEqual(ann.traits, annTraits, "Ann keeps her own traits and the merging message's")
        XCTAssertEqual(ann.separatedFrom, [b.id])
        XCTAssertEqual(b.separatedFrom, [ann.id])

        let owners = try await store.profileRead { reader in
            (try reader.owner(of: Identity(.anonymousID, "anon-b")), try reader.owner(of: Identity(.userID, "u-a")))
        }
        XCTAssertEqual(owners.0, b.id)
        XCTAssertEqual(owners.1, ann.id)
        let stored = try await store.profileRead { try $0.merge(mergeID) }
        XCTAssertEqual(stored?.unmergedAt, F.day(11))
        let audit = try await store.profileRead { try $0.auditEntries(subject: ann.id) }
        XCTAssertEqual(audit.map(\.action), ["merge", "unmerge"])

        let segments = try await engine.evaluateDirty()
        XCTAssertEqual(segments.entered, 1, "B is back in the segment it left when merged")
        let sizes = try await store.profileRead { try $0.segmentSizes() }
        XCTAssertEqual(sizes["everyone"], 2)
    }

    func testUnmergedProfilesAreNotMergedAgainAndUndoingTwiceFails() async throws {
        let model = try F.model()
        let store = try await F.store()
        try await build(store, beforeMerge + [(merging, "app")], model: model)
        let builder = F.builder(store, model)
        let firstMerge = try await store.profileRead { try $0.merges(involving: [ProfileIdentifier.derive(source: "web", messageID: "b1")]) }.first?.id
        let mergeID = try XCTUnwrap(firstMerge)
        _ = try await builder.unmerge(mergeID)
        _ = try await store.append([F.identify("again", day: 6, user: "u-a", anonymous: "anon-b")], source: "app")
        let summary = try await builder.catchUp()
        XCTAssertEqual(summary.merges, 0)
        XCTAssertEqual(summary.blockedMerges, 1, "refused: the profiles were unmerged")
        let live = try await store.profileRead { try $0.profileCount() }
        XCTAssertEqual(live, 2)
        do {
            _ = try await builder.unmerge(mergeID)
            XCTFail("undoing a merge twice must fail")
        } catch let error as StoreError {
            XCTAssertEqual(error.kind, .conflict)
        }
        do {
            _ = try await builder.unmerge(MergeID(99))
            XCTFail("an unknown merge must fail")
        } catch let error as StoreError {
            XCTAssertEqual(error.kind, .notFound)
        }
    }

    /// Undoing the later of two merges into one profile keeps the earlier merge in force.
    func testUndoingALaterMergeKeepsTheEarlierOne() async throws {
        let model = try F.model()
        let store = try await F.store()
        try await build(store, [
            (F.page("c1", day: 0, anonymous: "anon-c"), "web"),
            (F.identify("b1", day: 1, anonymous: "anon-b", traits: ["email": "b@example.com"]), "web"),
            (F.identify("bc", day: 2, anonymous: "anon-c", traits: ["email": "b@example.com", "likes": "tea"]), "web"),
            (F.identify("a1", day: 3, user: "u-a", traits: ["name": "Ann"]), "shop"),
            (F.identify("ab", day: 4, user: "u-a", traits: ["email": "b@example.com"]), "shop"),
        ], model: model)
        let c = ProfileIdentifier.derive(source: "web", messageID: "c1")
        let a = ProfileIdentifier.derive(source: "shop", messageID: "a1")
        let merges = try await store.profileRead { try $0.merges(involving: [c, a]) }
        XCTAssertEqual(merges.count, 2)
        let last = try XCTUnwrap(merges.last)
        XCTAssertEqual(last.into, c, "C is the oldest profile: everything ends in C")
        XCTAssertEqual(last.absorbed, [a])
        _ = try await F.builder(store, model).unmerge(last.id)
        let ann = try await store.profileRead { try $0.profile(a) }
        XCTAssertEqual(ann?.identities, [Identity(.userID, "u-a")])
        XCTAssertEqual(ann?.traits.traits, ["name": "Ann"])
        let survivor = try await store.profileRead { try $0.profile(c) }
        XCTAssertEqual(survivor?.traits.traits["likes"], "tea")
        XCTAssertEqual(survivor?.identities.map(\.description), ["anonymous_id:anon-b", "anonymous_id:anon-c", "email:b@example.com"])
        let b = try await store.profileRead { try $0.profile(ProfileIdentifier.derive(source: "web", messageID: "b1")) }
        XCTAssertEqual(b?.mergedInto, c, "the earlier merge still holds")
    }
}
