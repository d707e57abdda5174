import Foundation
import KontorCore
import KontorRuntime
import KontorTesting
import XCTest

/// The shared scenario, for every shipped destination plugin against its emulator: a segment of
/// 2,345 arrives complete within the documented limits; a second run sends nothing; 10 leavers are
/// exactly 10 removes; a trait change sends only those updates; revoked consent removes; the keys
/// the platform holds are the known digests of its normalisation.
final class DestinationScenarioTests: XCTestCase {
    func testMailchimp() async throws { try await runScenario(.mailchimp) }
    func testKlaviyo() async throws { try await runScenario(.klaviyo) }
    func testBrevo() async throws { try await runScenario(.brevo) }
    func testMetaCustomAudiences() async throws { try await runScenario(.meta) }
    func testGoogleCustomerMatch() async throws { try await runScenario(.google) }
    func testWebhook() async throws { try await runScenario(.webhook) }
    func testSESContacts() async throws { try await runScenario(.ses) }

    private func runScenario(_ testCase: DestinationCase) async throws {
        try await DestinationHarness.with(testCase) { try await scenario(testCase, $0) }
    }

    private func scenario(_ testCase: DestinationCase, _ harness: DestinationHarness) async throws {
        let label = testCase.plugin
        var people = ScenarioMembers.crowd(2_345)
        harness.members.set(people)

        // 1. The whole segment arrives, in batches within the documented limits.
        let first = try await harness.plan()
        XCTAssertEqual(first.plan.counts.adds, 2_345, label)
        let arrival = try await harness.deliverAll()
        XCTAssertEqual(arrival.delivered, 2_345, "\(label): \(arrival.lastError ?? "")")
        assertAudience(harness, harness.keys(people), label)
        XCTAssertTrue(harness.emulated.audience().contains(testCase.knownKey), "\(label): normalised and hashed as the platform does")
        XCTAssertEqual(harness.emulated.violations, [], label)
        try await assertSettled(harness, label)

        // 2. Nothing changed: nothing is sent.
        let served = harness.emulated.requestsServed
        let again = try await harness.plan()
        XCTAssertEqual(again.plan.counts.adds + again.plan.counts.updates + again.plan.counts.removes, 0, label)
        let second = try await harness.deliverAll()
        XCTAssertEqual(second.requests, 0, label)
        XCTAssertEqual(harness.emulated.requestsServed, served, "\(label): a second run sends nothing")

        // 3. A trait change: only those members are updated.
        harness.members.update { people in
            for index in [3, 50, 700, 1_999, 2_344] { testCase.changed.change(&people[index], to: index) }
        }
        people = harness.members.current
        let change = try await harness.plan()
        XCTAssertEqual(change.plan.counts.updates, 5, label)
        XCTAssertEqual(change.plan.counts.adds + change.plan.counts.removes, 0, label)
        let updated = try await harness.deliverAll()
        XCTAssertEqual(updated.delivered, 5, label)
        if let firstName = harness.emulated.firstName, testCase.changed == .firstName {
            XCTAssertEqual(firstName(testCase.key(people[700])), "Changed700", label)
        }
        assertAudience(harness, harness.keys(people), label)

        guard testCase.mirrors else { return }
        // 4. Ten members leave: exactly ten removes.
        harness.members.update { $0.removeSubrange(100..<110) }
        people = harness.members.current
        let leave = try await harness.plan()
        XCTAssertEqual(leave.plan.counts.removes, 10, label)
        XCTAssertEqual(leave.plan.counts.adds + leave.plan.counts.updates, 0, label)
        let removed = try await harness.deliverAll()
        XCTAssertEqual(removed.delivered, 10, label)
        assertAudience(harness, harness.keys(people), label)

        // 5. Consent revoked: removed, though still in the segment.
        harness.members.update { people in
            for index in [0, 10, 20] { people[index].consent = false }
        }
        let revoked = harness.members.current.filter { !$0.consent }
        let revoke = try await harness.plan()
        XCTAssertEqual(revoke.plan.counts.removes, 3, label)
        try await harness.deliverAll()
        assertAudience(harness, harness.keys(people).subtracting(harness.keys(revoked)), label)
        XCTAssertEqual(harness.emulated.violations, [], label)
        try await assertSettled(harness, label)
    }

    private func assertAudience(
        _ harness: DestinationHarness, _ expected: Set<String>, _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        DestinationHarness.assertAudience(harness.emulated.audience(), expected, label, file: file, line: line)
    }

    private func assertSettled(_ harness: DestinationHarness, _ label: String) async throws {
        let pending = try await harness.pending()
        XCTAssertEqual(pending.count, 0, "\(label): \(pending.first?.lastError ?? "")")
        let dead = try await harness.dead()
        XCTAssertEqual(dead.count, 0, "\(label): \(dead.first?.lastError ?? "")")
    }
}
