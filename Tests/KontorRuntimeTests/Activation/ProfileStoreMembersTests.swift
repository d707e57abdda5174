import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import XCTest

/// Segment members read from the profile tables, as a destination mapping sees them.
final class ProfileStoreMembersTests: XCTestCase {
    private let at = Date(timeIntervalSince1970: 1_750_000_000)

    private func profile(_ id: String, email: String, consent: Bool?) -> StoredProfile {
        var profile = StoredProfile(id: id, identities: [Identity(.email, email)], createdAt: at, updatedAt: at)
        let message = Message(
            type: .identify, messageId: "m-\(id)", timestamp: at, userId: id,
            traits: ["email": .string(email), "first_name": .string("N-\(id)")])
        profile.traits.fold(message, source: "test")
        if let consent {
            profile.consent.record(ConsentEntry(purpose: "email", granted: consent, source: "test", at: at, messageID: "m-\(id)"))
        }
        return profile
    }

    func testMembersWithViewsAndConsent() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let profiles = [
            profile("p1", email: "a@x.test", consent: true), profile("p2", email: "b@x.test", consent: false),
            profile("p3", email: "c@x.test", consent: nil), profile("p4", email: "d@x.test", consent: true),
        ]
        let at = self.at
        try await store.profileTransaction { tx in
            for profile in profiles { try tx.saveProfile(profile) }
            try tx.applyMembershipChanges(["p1", "p2", "p3"].map {
                MembershipChange(segment: "fans", profile: $0, direction: .entered, reason: .ruleMatched, at: at)
            } + [MembershipChange(segment: "vip", profile: "p1", direction: .entered, reason: .ruleMatched, at: at)])
        }
        let source = ProfileStoreMembers(store: store, consent: ConsentSettings(purposes: ["email"]))
        let members = try await source.members(of: ["fans", "vip"], consentPurpose: "email")
        XCTAssertEqual(members.map(\.profileID), ["p1", "p2", "p3"])
        XCTAssertEqual(members.map(\.consented), [true, false, false], "p3 never chose: the default is denied")
        XCTAssertEqual(members.first?.view["traits"]?["email"], "a@x.test")
        XCTAssertEqual(members.first?.view["segment"], "fans")
        XCTAssertEqual(members.first?.view["consent"]?["email"], true)
        XCTAssertEqual(members.first?.view["profile"]?["id"], "p1")
        let everyone = try await source.members(of: ["fans"], consentPurpose: nil)
        XCTAssertTrue(everyone.allSatisfy(\.consented))

        let destination = try ActivationFixture.destination(name: "newsletter")
        let payload = try destination.pipeline.payload(
            profileID: "p1", view: members[0].view, config: destination.settings, mode: .mirror, now: at)
        XCTAssertEqual(payload, ["email_address": "a@x.test", "status": "subscribed", "merge_fields": ["FNAME": "N-p1"]])
    }
}
