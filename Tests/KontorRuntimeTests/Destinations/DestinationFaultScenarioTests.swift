import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import KontorTesting
import XCTest

/// Faults against every shipped destination's emulator: transient 5xx and throttling, a permanent
/// refusal of one record, and (in ``DestinationOutageTests``) a destination down for a whole run.
final class DestinationFaultScenarioTests: XCTestCase {
    /// 10 % server errors and 10 % of the API's throttling answer (429 with its `Retry-After`,
    /// Meta's Graph code 80003, Google's `RESOURCE_EXHAUSTED`): everything arrives, no limit broken.
    func testTransientFaultsStillDeliverEverythingWithinTheLimits() async throws {
        for testCase in DestinationCase.all {
            try await DestinationHarness.with(testCase, batchSize: 25) { harness in
                let people = ScenarioMembers.crowd(testCase.plugin == "ses_contacts" ? 300 : 1_000)
                harness.members.set(people)
                harness.emulated.faults.add(FaultRule(.serverError(status: 503), on: .share(0.1)))
                harness.emulated.faults.add(FaultRule(.rateLimited, on: .share(0.1)))
                try await harness.plan()
                let report = try await harness.deliverAll()
                DestinationHarness.assertAudience(harness.emulated.audience(), harness.keys(people), testCase.plugin)
                XCTAssertGreaterThan(harness.emulated.emulator.log.faultsInjected, 1, "\(testCase.plugin): faults were injected")
                XCTAssertGreaterThan(report.retried, 0, testCase.plugin)
                XCTAssertEqual(harness.emulated.violations, [], testCase.plugin)
                let pending = try await harness.pending()
                XCTAssertEqual(pending.count, 0, testCase.plugin)
                let dead = try await harness.dead()
                XCTAssertEqual(dead.count, 0, "\(testCase.plugin): \(dead.first?.lastError ?? "")")
            }
        }
    }

    /// The API refuses one record for good: it alone is dead-lettered with the API's reason, the
    /// others arrive; once fixed, a replay delivers it. Ad platforms and import APIs that only count
    /// refused rows (Meta, Klaviyo, Brevo imports) deliver the others and keep nothing dead.
    func testOnePermanentlyRefusedRecordIsDeadLetteredAndReplayedOnceFixed() async throws {
        for testCase in DestinationCase.all {
            try await DestinationHarness.with(testCase, batchSize: 100) { harness in
                let people = ScenarioMembers.crowd(testCase.plugin == "ses_contacts" ? 120 : 600)
                let refused = people[76]
                harness.members.set(people)
                harness.emulated.knobs.reject(testCase.rejectionKey(refused), reason: "permanently refused by the test")
                try await harness.plan()
                try await harness.deliverAll()
                let others = people.filter { $0.id != refused.id }
                let dead = try await harness.dead()
                if testCase.namesRefusedRecords {
                    DestinationHarness.assertAudience(harness.emulated.audience(), harness.keys(others), testCase.plugin)
                    XCTAssertEqual(dead.map(\.profileID), [refused.id], testCase.plugin)
                    XCTAssertTrue(
                        dead.first?.lastError?.contains("permanently refused") ?? false, "\(testCase.plugin): \(dead.first?.lastError ?? "")")
                } else {
                    XCTAssertTrue(harness.emulated.audience().isSuperset(of: harness.keys(others)), testCase.plugin)
                    XCTAssertEqual(dead.count, 0, testCase.plugin)
                }
                let pending = try await harness.pending()
                XCTAssertEqual(pending.count, 0, testCase.plugin)
                XCTAssertEqual(harness.emulated.violations, [], testCase.plugin)

                harness.emulated.knobs.accept(testCase.rejectionKey(refused))
                let replay = try await harness.store.replay(
                    OutboxFilter(destination: harness.name, errorContains: "permanently refused"), now: harness.clock.now)
                XCTAssertEqual(replay.replayed, testCase.namesRefusedRecords ? 1 : 0, testCase.plugin)
                try await harness.deliverAll()
                if testCase.namesRefusedRecords {
                    DestinationHarness.assertAudience(harness.emulated.audience(), harness.keys(people), "\(testCase.plugin): the replay delivered it")
                }
                let deadAfter = try await harness.dead()
                XCTAssertEqual(deadAfter.count, 0, testCase.plugin)
            }
        }
    }

    /// Mailchimp's remove (archive) of a member the audience does not know answers 404: the plugin
    /// counts it as done, not as a failure.
    func testMailchimpRemoveOfAnUnknownMemberIsDone() async throws {
        try await DestinationHarness.with(.mailchimp) { harness in
            let people = ScenarioMembers.crowd(20)
            harness.members.set(people)
            try await harness.plan()
            try await harness.deliverAll()
            let mailchimp = try XCTUnwrap(harness.emulated.emulator as? MailchimpEmulator)
            let gone = people[5]
            mailchimp.audience.members.remove(Digests.subscriberHash(ScenarioMembers.normalisedEmail(gone)))
            harness.members.update { $0.remove(at: 5) }
            let plan = try await harness.plan()
            XCTAssertEqual(plan.plan.counts.removes, 1)
            let report = try await harness.deliverAll()
            let pending = try await harness.pending()
            XCTAssertEqual(report.delivered, 1, pending.first?.lastError ?? "")
            XCTAssertEqual(mailchimp.log.count(status: 404), 1, "the archive answered 404")
            let dead = try await harness.dead()
            XCTAssertEqual(dead.count, 0, dead.first?.lastError ?? "")
            XCTAssertEqual(pending.count, 0)
            DestinationHarness.assertAudience(harness.emulated.audience(), harness.keys(harness.members.current), "mailchimp")
        }
    }
}
