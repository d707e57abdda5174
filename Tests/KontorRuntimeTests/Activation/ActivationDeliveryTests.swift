import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import XCTest

/// Planning and delivery of a mirror destination against an in-process Mailchimp audience.
final class ActivationDeliveryTests: XCTestCase {
    func testSegmentArrivesCompleteInBatchesAndASecondRunSendsNothing() async throws {
        let fixture = try await ActivationFixture()
        let people = StaticMembers.crowd(2_345)
        fixture.members.set(people)

        let run = try await fixture.plan()
        XCTAssertEqual(run.plan.counts.adds, 2_345)
        XCTAssertEqual(run.stored?.enqueued, 2_345)
        let report = try await fixture.deliverAll()
        XCTAssertEqual(report.delivered, 2_345)
        XCTAssertEqual(fixture.audience.emails, ActivationFixture.emails(people))
        let requests = fixture.audience.snapshot.requests
        XCTAssertEqual(requests.map(\.members).sorted(by: >), [500, 500, 500, 500, 345])
        XCTAssertEqual(fixture.audience.snapshot.violations, [])
        let pending = try await fixture.pending()
        XCTAssertEqual(pending, [])

        let again = try await fixture.plan()
        XCTAssertEqual(again.plan.jobs.count, 0)
        XCTAssertEqual(again.plan.counts.unchanged, 2_345)
        let second = try await fixture.deliverAll()
        XCTAssertEqual(second.requests, 0)
        XCTAssertEqual(fixture.audience.snapshot.requests.count, 5)
    }

    func testTenLeaveGiveExactlyTenRemoves() async throws {
        let fixture = try await ActivationFixture()
        var people = StaticMembers.crowd(2_345)
        fixture.members.set(people)
        try await fixture.plan()
        try await fixture.deliverAll()
        let before = fixture.audience.snapshot.requests.count

        let leaving = Array(people[100..<110])
        people.removeSubrange(100..<110)
        fixture.members.set(people)
        let run = try await fixture.plan()
        XCTAssertEqual(run.plan.counts.removes, 10)
        XCTAssertEqual(run.plan.jobs.count, 10)
        try await fixture.deliverAll()
        let removes = fixture.audience.snapshot.requests.dropFirst(before)
        XCTAssertEqual(removes.count, 10)
        XCTAssertTrue(removes.allSatisfy { $0.method == "DELETE" })
        XCTAssertEqual(fixture.audience.emails, ActivationFixture.emails(people))
        XCTAssertTrue(fixture.audience.emails.isDisjoint(with: ActivationFixture.emails(leaving)))
    }

    func testATraitChangeSendsOnlyThoseUpdates() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(50))
        try await fixture.plan()
        try await fixture.deliverAll()
        let before = fixture.audience.snapshot.requests.count

        fixture.members.update { people in
            for index in [3, 7, 11] { people[index].firstName = "Renamed" }
        }
        let run = try await fixture.plan()
        XCTAssertEqual(run.plan.counts.updates, 3)
        XCTAssertEqual(run.plan.jobs.map(\.operation), [.update, .update, .update])
        try await fixture.deliverAll()
        let sent = fixture.audience.snapshot.requests.dropFirst(before)
        XCTAssertEqual(sent.map(\.members), [3])
        let renamed = fixture.audience.snapshot.audience.values.filter { $0["merge_fields"]?["FNAME"] == "Renamed" }
        XCTAssertEqual(renamed.count, 3)
    }

    func testRevokedConsentRemoves() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(20))
        try await fixture.plan()
        try await fixture.deliverAll()
        fixture.members.update { $0[4].consent = false }
        let run = try await fixture.plan()
        XCTAssertEqual(run.plan.counts.removes, 1)
        XCTAssertEqual(run.withoutConsent, 1)
        try await fixture.deliverAll()
        XCTAssertEqual(fixture.audience.emails.count, 19)
        XCTAssertFalse(fixture.audience.emails.contains("person5@example.com"))
        let nextRunJobs = try await fixture.plan().plan.jobs.count
        XCTAssertEqual(nextRunJobs, 0, "nothing more on the next run")
    }

    func testDryRunWritesNothing() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(30) + [StaticMembers.Person(id: "z-bad", email: "", firstName: "Z")])
        let preview = try await fixture.service.preview(fixture.destination)
        XCTAssertEqual(preview.plan.counts.adds, 30)
        XCTAssertEqual(preview.plan.errors.map(\.profileID), ["z-bad"])
        XCTAssertNil(preview.stored)
        let pending = try await fixture.pending()
        XCTAssertEqual(pending, [])
        let state = try await fixture.store.destinationState(destination: "newsletter")
        XCTAssertEqual(state, [])
    }

    func testACrashedWorkersJobsAreDeliveredAfterItsLease() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(40))
        try await fixture.plan()
        let crashed = try await fixture.store.claim(
            destination: "newsletter", owner: "crashed", limit: 100, leaseFor: 600, now: fixture.clock.now)
        XCTAssertEqual(crashed.count, 40)
        let blocked = try await fixture.worker.runOnce()
        XCTAssertEqual(blocked.requests, 0, "leased jobs are not sent twice")
        fixture.clock.advance(by: 600)
        let report = try await fixture.worker.runOnce()
        XCTAssertEqual(report.delivered, 40)
        XCTAssertEqual(fixture.audience.emails.count, 40)
    }

    func testGracefulShutdownReleasesLeases() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(5))
        try await fixture.plan()
        _ = try await fixture.store.claim(destination: "newsletter", owner: "node/newsletter", limit: 5, leaseFor: 600, now: fixture.clock.now)
        let released = try await fixture.store.release(owner: "node/newsletter")
        XCTAssertEqual(released, 5)
        let delivered = try await fixture.worker.runOnce().delivered
        XCTAssertEqual(delivered, 5)
    }
}
