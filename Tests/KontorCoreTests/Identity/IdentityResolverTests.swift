import Foundation
import KontorCore
import XCTest

final class IdentityResolverTests: XCTestCase {
    private struct Step {
        let message: Message
        let plan: String
        var refused: [String] = []
        let line: UInt

        init(_ message: Message, _ plan: String, refused: [String] = [], line: UInt = #line) {
            self.message = message
            self.plan = plan
            self.refused = refused
            self.line = line
        }
    }

    @discardableResult
    private func run(_ steps: [Step], rules: IdentityRules) -> IdentityGraphFixture {
        var graph = IdentityGraphFixture(rules: rules)
        for step in steps {
            let plan = graph.apply(step.message)
            XCTAssertEqual(plan.summary, step.plan, "message \(step.message.messageId)", line: step.line)
            XCTAssertEqual(plan.refusedSummary, step.refused, "message \(step.message.messageId)", line: step.line)
        }
        return graph
    }

    private func d(_ days: Double, _ hours: Double = 0) -> Date { TestDates.day(days, hours: hours) }

    func testAnonymousBrowsingSignUpStorePurchaseAndAlias() {
        let rules = IdentityRules(keys: ["user_id", "email", "phone", "loyalty_id", "anonymous_id"], defaultCountry: "DE")
        let graph = run([
            Step(.page("m1", at: d(0, 0), anonymousId: "a-web"), "create anonymous_id:a-web"),
            Step(.page("m2", at: d(0, 1), anonymousId: "a-web"), "attach p1"),
            Step(.identify("m3", at: d(1, 0), anonymousId: "a-web", traits: ["email": " Ada@Example.COM "]),
                 "attach p1 +email:ada@example.com"),
            Step(.identify("m4", at: d(2, 0), context: ["identifiers": ["email": "ada@example.com", "loyalty_id": 7712]]),
                 "attach p1 +loyalty_id:7712"),
            Step(.page("m5", at: d(3, 0), anonymousId: "a-app"), "create anonymous_id:a-app"),
            Step(.alias("m6", at: d(3, 1), userId: "u-ada", previousId: "a-app"), "attach p2 +user_id:u-ada"),
            Step(.identify("m7", at: d(4, 0), userId: "u-ada", traits: ["email": "ada@example.com", "phone": "0151 1234567"]),
                 "merge p2 into p1 +phone:+491511234567"),
            Step(.track("m8", "Order Completed", at: d(5, 0), userId: "u-ada"), "attach p1"),
            Step(.track("m9", "Order Completed", at: d(5, 1), anonymousId: "a-app"), "attach p1"),
        ], rules: rules)
        XCTAssertEqual(graph.identities(of: "p1").map(\.description), [
            "anonymous_id:a-app", "anonymous_id:a-web", "email:ada@example.com", "loyalty_id:7712",
            "phone:+491511234567", "user_id:u-ada",
        ])
        XCTAssertNil(graph.snapshot.profiles["p2"])
        let record = try? XCTUnwrap(graph.merges.first)
        XCTAssertEqual(record?.links.map { "\($0.identity)→\($0.profile)" }, ["email:ada@example.com→p1", "user_id:u-ada→p2"])
        XCTAssertEqual(record?.mergeCountAfter, 1)
        XCTAssertEqual(
            record?.summary,
            "merge of p2 into p1 by message m7 at 2024-06-05T00:00:00Z: email:ada@example.com → p1, user_id:u-ada → p2")
    }

    func testAliasOfAKnownUserIDLinksBothUserProfilesOnlyWhenTheLimitAllows() {
        let steps = [
            Step(.identify("m1", at: d(0), userId: "old-id"), "create user_id:old-id"),
            Step(.identify("m2", at: d(1), userId: "new-id"), "create user_id:new-id"),
        ]
        run(steps + [
            Step(.alias("m3", at: d(2), userId: "new-id", previousId: "old-id"), "attach p2",
                 refused: ["user_id:old-id→p1 (a profile holds at most 1 user_id)"]),
        ], rules: IdentityRules())
        run(steps + [
            Step(.alias("m3", at: d(2), userId: "new-id", previousId: "old-id"), "merge p2 into p1"),
        ], rules: IdentityRules(limits: ["user_id": 2]))
    }

    func testSharedFamilyEmailNeverJoinsTwoCustomers() {
        let rules = IdentityRules(keys: ["user_id", "email", "anonymous_id"], limits: ["email": 2])
        let graph = run([
            Step(.identify("m1", at: d(0), userId: "dad", traits: ["email": "family@example.com"]), "create user_id:dad,email:family@example.com"),
            // Mum signs up with the family address: her user id wins, the email stays with dad's profile.
            Step(.identify("m2", at: d(1), userId: "mum", traits: ["email": "family@example.com"]), "create user_id:mum",
                 refused: ["email:family@example.com→p1 (a profile holds at most 1 user_id)"]),
            // A child browsing anonymously with the family address joins dad's profile (no user id conflict).
            Step(.identify("m3", at: d(2), anonymousId: "kid", traits: ["email": "family@example.com"]),
                 "attach p1 +anonymous_id:kid"),
            Step(.identify("m4", at: d(3), userId: "dad", traits: ["email": "dad@work.example"]), "attach p1 +email:dad@work.example"),
            // A third address would exceed `limits: {email: 2}`: refused, the message still joins dad's profile.
            Step(.identify("m5", at: d(4), userId: "dad", traits: ["email": "dad@old.example"]), "attach p1",
                 refused: ["email:dad@old.example→new (a profile holds at most 2 email)"]),
        ], rules: rules)
        XCTAssertEqual(graph.owner(.email, "family@example.com"), "p1")
        XCTAssertEqual(graph.owner(.userID, "mum"), "p2")
        XCTAssertTrue(graph.merges.isEmpty)
    }

    func testConflictingUserIDsAreNeverMerged() {
        let rules = IdentityRules(keys: ["user_id", "email", "phone", "anonymous_id"])
        let graph = run([
            Step(.identify("m1", at: d(0), userId: "u1", traits: ["email": "one@example.com"]), "create user_id:u1,email:one@example.com"),
            Step(.identify("m2", at: d(1), userId: "u2", traits: ["email": "two@example.com"]), "create user_id:u2,email:two@example.com"),
            Step(.identify("m3", at: d(2), userId: "u1", traits: ["email": "two@example.com"]), "attach p1",
                 refused: ["email:two@example.com→p2 (a profile holds at most 1 user_id)"]),
            Step(.identify("m4", at: d(3), traits: ["email": "one@example.com"], context: ["identifiers": ["user_id": "u2"]]),
                 "attach p2", refused: ["email:one@example.com→p1 (a profile holds at most 1 user_id)"]),
            Step(.page("m5", at: d(4), anonymousId: "shared-tablet"), "create anonymous_id:shared-tablet"),
            Step(.identify("m6", at: d(5), userId: "u1", anonymousId: "shared-tablet"), "merge p3 into p1"),
            Step(.identify("m7", at: d(6), userId: "u2", anonymousId: "shared-tablet"), "attach p2",
                 refused: ["anonymous_id:shared-tablet→p1 (a profile holds at most 1 user_id)"]),
        ], rules: rules)
        XCTAssertEqual(graph.merges.count, 1)
        XCTAssertEqual(graph.resolver.plan(for: .identify("m8", at: d(7), userId: "u1"), snapshot: graph.snapshot).blockedMerges, [])
    }

    func testMaxMergesStopsFurtherMerges() {
        let rules = IdentityRules(keys: ["email", "phone", "anonymous_id"], maxMerges: 1)
        run([
            Step(.identify("m1", at: d(0), traits: ["email": "e@example.com"]), "create email:e@example.com"),
            Step(.identify("m2", at: d(1), traits: ["phone": "+4930123456"]), "create phone:+4930123456"),
            Step(.page("m3", at: d(2), anonymousId: "a3"), "create anonymous_id:a3"),
            Step(.identify("m4", at: d(3), anonymousId: "a3", traits: ["email": "e@example.com", "phone": "+4930123456"]),
                 "merge p2 into p1", refused: ["anonymous_id:a3→p3 (a profile goes through at most 1 merges (identity.max_merges))"]),
            Step(.identify("m5", at: d(4), anonymousId: "a3", traits: ["email": "e@example.com"]), "attach p1",
                 refused: ["anonymous_id:a3→p3 (a profile goes through at most 1 merges (identity.max_merges))"]),
        ], rules: rules)
        run([
            Step(.identify("m1", at: d(0), traits: ["email": "e@example.com"]), "create email:e@example.com"),
            Step(.page("m2", at: d(1), anonymousId: "a2"), "create anonymous_id:a2"),
            Step(.identify("m3", at: d(2), anonymousId: "a2", traits: ["email": "e@example.com"]), "attach p1",
                 refused: ["anonymous_id:a2→p2 (a profile goes through at most 0 merges (identity.max_merges))"]),
        ], rules: IdentityRules(keys: ["email", "anonymous_id"], maxMerges: 0))
    }

    func testThreeProfilesMergeIntoTheOldest() {
        let rules = IdentityRules(keys: ["user_id", "email", "anonymous_id"])
        var graph = run([
            Step(.page("m1", at: d(2), anonymousId: "a1"), "create anonymous_id:a1"),
            Step(.identify("m2", at: d(0), traits: ["email": "x@example.com"]), "create email:x@example.com"),
            Step(.identify("m3", at: d(1), userId: "u"), "create user_id:u"),
        ], rules: rules)
        // p2 was created from the oldest message, so it survives whatever the identifier order.
        let plan = graph.apply(.identify("m4", at: d(3), userId: "u", anonymousId: "a1", traits: ["email": "x@example.com"]))
        XCTAssertEqual(plan.summary, "merge p3,p1 into p2")
        XCTAssertEqual(graph.identities(of: "p2").map(\.description), ["anonymous_id:a1", "email:x@example.com", "user_id:u"])
        XCTAssertEqual(graph.snapshot.profiles["p2"]?.mergeCount, 2)
    }

    func testMessagesWithoutUsableIdentifiers() {
        let rules = IdentityRules(keys: ["user_id", "email"])
        var graph = IdentityGraphFixture(rules: rules)
        let plan = graph.apply(.identify("m1", at: d(0), anonymousId: "a", traits: ["email": "not-an-email"]))
        XCTAssertEqual(plan.summary, "none")
        let found = MessageIdentities(of: .identify("m1", at: d(0), anonymousId: "a", traits: ["email": "not-an-email"]), rules: rules)
        XCTAssertEqual(found.ignored.map(\.reason), [.unknownKind, .notNormalizable])
    }
}
