import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import XCTest

/// Identity resolution through the store: the profile builder applies each
/// message's plan and the tables show the result.
final class IdentityScenarioTests: XCTestCase {
    typealias F = ProfileFixture

    /// Anonymous browsing → sign-up → purchase in the shop with the same email → app → alias → one person.
    func testBrowsingSignupStorePurchaseAndAliasEndInOneProfile() async throws {
        let store = try await F.store()
        let model = try F.model()
        let steps: [(Message, String)] = [
            (F.page("m1", day: 0, anonymous: "a-web"), "web"),
            (F.identify("m2", day: 1, anonymous: "a-web", traits: ["email": " Ada@Example.COM ", "first_name": "Ada"]), "web"),
            (F.identify("m3", day: 2, context: ["identifiers": ["email": "ada@example.com", "loyalty_id": 7712]]), "till"),
            (F.page("m4", day: 3, anonymous: "a-app"), "app"),
            (F.alias("m5", day: 4, user: "u-ada", previous: "a-app"), "app"),
            (F.identify("m6", day: 5, user: "u-ada", traits: ["email": "ada@example.com", "phone": "+49 151 1234567"]), "app"),
            (F.order("m7", day: 6, user: "u-ada", total: "49.90"), "shop"),
        ]
        var expectedLive = [1, 1, 1, 2, 2, 1, 1]
        for (message, source) in steps {
            _ = try await store.append([message], source: source)
            let summary = try await F.builder(store, model).catchUp()
            XCTAssertEqual(summary.events, 1)
            let live = try await store.profileRead { try $0.profileCount() }
            XCTAssertEqual(live, expectedLive.removeFirst(), "live profiles after \(message.messageId)")
        }
        let ada = try await F.profile(store, Identity(.email, "ada@example.com"))
        let profile = try XCTUnwrap(ada)
        XCTAssertEqual(profile.identities.map(\.description), [
            "anonymous_id:a-app", "anonymous_id:a-web", "email:ada@example.com", "loyalty_id:7712",
            "phone:+491511234567", "user_id:u-ada",
        ])
        XCTAssertEqual(profile.id, ProfileIdentifier.derive(source: "web", messageID: "m1"), "the oldest profile survives")
        XCTAssertEqual(profile.traits.traits["first_name"], "Ada")
        XCTAssertEqual(profile.computedValues["order_count"], 1)
        XCTAssertEqual(profile.computedValues["lifetime_value"], .double(49.9))
        XCTAssertEqual(profile.mergeCount, 1)
        let appProfile = ProfileIdentifier.derive(source: "app", messageID: "m4")
        let (absorbed, merges, audit, events) = try await store.profileRead { reader in
            (try reader.profile(appProfile), try reader.merges(involving: [profile.id]),
             try reader.auditEntries(subject: profile.id), try reader.attributedEvents(of: try reader.family(of: profile.id)))
        }
        XCTAssertEqual(absorbed?.mergedInto, profile.id)
        XCTAssertEqual(absorbed?.identities, [], "an absorbed profile holds no identity")
        XCTAssertEqual(merges.count, 1)
        XCTAssertEqual(merges.first?.record.messageID, "m6")
        XCTAssertEqual(merges.first?.absorbed, [appProfile])
        XCTAssertEqual(merges.first?.record.newIdentities, [Identity(.phone, "+491511234567")])
        XCTAssertEqual(audit.map(\.action), ["merge"])
        XCTAssertEqual(audit.first?.details["merge_id"], .int(Int(merges[0].id.rawValue)))
        XCTAssertEqual(events.map(\.messageID), ["m1", "m2", "m3", "m4", "m5", "m6", "m7"])
        XCTAssertEqual(events.filter { $0.profile == appProfile }.map(\.messageID), ["m4", "m5"], "events keep their owner at processing time")
        let position = try await store.position(consumer: ProfileBuilder.consumer)
        let lastSeq = try await store.lastSeq()
        XCTAssertEqual(position, lastSeq)
    }

    /// Mum signs up with the family address Dad's profile holds: at most one user_id per profile.
    func testSharedFamilyEmailHitsTheUserIDLimit() async throws {
        let store = try await F.store()
        _ = try await store.append([
            F.identify("dad-1", day: 0, user: "dad", traits: ["email": "family@example.com"]),
            F.identify("mum-1", day: 1, user: "mum", traits: ["email": "family@example.com", "first_name": "Eva"]),
        ], source: "shop")
        let summary = try await F.builder(store, try F.model()).catchUp()
        XCTAssertEqual(summary.created, 2)
        XCTAssertEqual(summary.merges, 0)
        XCTAssertEqual(summary.blockedMerges, 1)
        let dad = try await F.profile(store, Identity(.userID, "dad"))
        let mum = try await F.profile(store, Identity(.userID, "mum"))
        XCTAssertEqual(dad?.identities.map(\.description), ["email:family@example.com", "user_id:dad"])
        XCTAssertEqual(mum?.identities.map(\.description), ["user_id:mum"])
        XCTAssertEqual(mum?.traits.traits["first_name"], "Eva", "Mum's message still folds into her own profile")
        let audit = try await store.profileRead { try $0.auditEntries(subject: dad?.id ?? "") }
        XCTAssertEqual(audit.map(\.action), ["merge_blocked"])
        XCTAssertEqual(audit.first?.details["identity"], "email:family@example.com")
        XCTAssertEqual(audit.first?.details["joined"], mum.map { .string($0.id) })
    }

    /// A per-kind limit on emails: the fourth shared address is refused.
    func testEmailLimitKeepsProfilesApart() async throws {
        let store = try await F.store()
        _ = try await store.append([
            F.identify("a", day: 0, user: "u1", traits: ["email": ["a@x.de", "b@x.de"]]),
            F.identify("b", day: 1, anonymous: "anon-9", traits: ["email": "c@x.de"]),
            F.identify("c", day: 2, user: "u1", traits: ["email": "c@x.de"]),
        ], source: "crm")
        let summary = try await F.builder(store, try F.model(limits: ["email": 2])).catchUp()
        XCTAssertEqual(summary.merges, 0)
        XCTAssertEqual(summary.blockedMerges, 1)
        let u1 = try await F.profile(store, Identity(.userID, "u1"))
        XCTAssertEqual(u1?.identities.filter { $0.kind == .email }.count, 2)
        let other = try await F.profile(store, Identity(.email, "c@x.de"))
        XCTAssertNotEqual(other?.id, u1?.id)
    }

    /// Two user ids on one shared tablet: the tablet's anonymous id is not a bridge between them.
    func testConflictingUserIDsAreNeverMerged() async throws {
        let store = try await F.store()
        _ = try await store.append([
            F.identify("1", day: 0, user: "u1", anonymous: "tablet"),
            F.identify("2", day: 1, user: "u2", anonymous: "tablet"),
            F.order("3", day: 2, user: "u2", anonymous: "tablet", total: 20),
        ], source: "app")
        let summary = try await F.builder(store, try F.model()).catchUp()
        XCTAssertEqual(summary.merges, 0)
        XCTAssertEqual(summary.blockedMerges, 2)
        let u1 = try await F.profile(store, Identity(.userID, "u1"))
        let u2 = try await F.profile(store, Identity(.userID, "u2"))
        XCTAssertNotEqual(u1?.id, u2?.id)
        XCTAssertEqual(u2?.computedValues["order_count"], 1, "the order joins u2, not the tablet's first owner")
        XCTAssertEqual(u1?.computedValues["order_count"], 0)
    }

    /// Messages without a usable identifier are counted and skipped; the position still moves.
    func testUnidentifiedMessagesMoveThePosition() async throws {
        let store = try await F.store()
        _ = try await store.append([Message(type: .track, messageId: "x", timestamp: F.day(0), event: "Ping")], source: "web")
        let summary = try await F.builder(store, try F.model()).catchUp()
        XCTAssertEqual(summary.unidentified, 1)
        XCTAssertEqual(summary.position, 1)
        let count = try await store.profileRead { try $0.profileCount() }
        XCTAssertEqual(count, 0)
        let again = try await F.builder(store, try F.model()).runOnce()
        XCTAssertEqual(again.events, 0, "nothing is processed twice")
    }
}
