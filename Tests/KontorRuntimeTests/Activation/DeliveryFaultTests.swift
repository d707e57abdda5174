import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorStore
import XCTest

/// Delivery through transient faults, permanent refusals and outages.
final class DeliveryFaultTests: XCTestCase {
    func testTransientFaultsAndRateLimitsStillDeliverEverything() async throws {
        let fixture = try await ActivationFixture(batchSize: 50)
        let people = StaticMembers.crowd(2_345)
        fixture.members.set(people)
        fixture.audience.update { $0.faultRate = 0.2 }
        try await fixture.plan()
        try await fixture.deliverAll()
        let state = fixture.audience.snapshot
        XCTAssertGreaterThan(state.faults, 4, "faults were injected")
        XCTAssertGreaterThan(state.requests.count, 47, "47 batches of 50, and their retries")
        XCTAssertTrue(state.requests.allSatisfy { $0.members <= 50 })
        XCTAssertEqual(fixture.audience.emails, ActivationFixture.emails(people))
        XCTAssertEqual(state.violations, [], "no batch over 500, no request before its Retry-After")
        let pending = try await fixture.pending()
        XCTAssertEqual(pending, [])
        let dead = try await fixture.dead()
        XCTAssertEqual(dead, [])
    }

    func testOneRejectedRecordIsDeadLetteredAndTheRestDelivered() async throws {
        let fixture = try await ActivationFixture()
        let people = StaticMembers.crowd(1_000)
        fixture.members.set(people)
        fixture.audience.update { $0.rejectedEmails = ["person77@example.com"] }
        try await fixture.plan()
        try await fixture.deliverAll()
        XCTAssertEqual(fixture.audience.emails.count, 999)
        let dead = try await fixture.dead()
        XCTAssertEqual(dead.map(\.profileID), ["p00077"])
        XCTAssertEqual(dead.first?.lastError, "rejected: ERROR_GENERIC: person77@example.com looks fake or invalid, please enter a real email address.")
        let pending = try await fixture.pending()
        XCTAssertEqual(pending, [])

        fixture.audience.update { $0.rejectedEmails = [] }
        let replay = try await fixture.store.replay(
            OutboxFilter(destination: "newsletter", errorContains: "looks fake"), now: fixture.clock.now)
        XCTAssertEqual(replay.replayed, 1)
        try await fixture.deliverAll()
        XCTAssertEqual(fixture.audience.emails, ActivationFixture.emails(people))
        let deadAfterReplay = try await fixture.dead()
        XCTAssertEqual(deadAfterReplay, [])
    }

    func testAWholeBatchRefusalIsSplitUntilTheBadRecordIsFound() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(64))
        fixture.audience.update { $0.poisonEmails = ["person13@example.com"] }
        try await fixture.plan()
        let report = try await fixture.deliverAll()
        XCTAssertEqual(fixture.audience.emails.count, 63)
        let deadProfiles = try await fixture.dead().map(\.profileID)
        XCTAssertEqual(deadProfiles, ["p00013"])
        XCTAssertEqual(report.requests, 1 + 2 * 6, "one batch, then two halves per level down to one record")
        let reason = try await fixture.dead().first?.lastError ?? ""
        XCTAssertTrue(reason.contains("could not be validated"), reason)
    }

    func testADestinationDownForTheWholeRunKeepsItsJobsAndDoesNotSlowAnother() async throws {
        let down = try await ActivationFixture(name: "down")
        let up = try await ActivationFixture(name: "up")
        let people = StaticMembers.crowd(700)
        down.members.set(people)
        up.members.set(people)
        down.audience.update { $0.down = true }
        try await down.plan()
        try await up.plan()

        let service = DeliveryService(workers: [down.worker, up.worker])
        for _ in 0..<5 {
            let results = await service.runOnce()
            XCTAssertNotNil(try results["down"]?.get())
            down.clock.advance(by: 600)
        }
        XCTAssertEqual(up.audience.emails.count, 700)
        let pendingCount = try await down.pending().count
        XCTAssertEqual(pendingCount, 700, "every job still pending")
        let dead = try await down.dead()
        XCTAssertEqual(dead, [])
        XCTAssertEqual(down.audience.snapshot.requests.count, 0)

        down.audience.update { $0.down = false }
        down.clock.advance(by: 3600)
        try await down.deliverAll()
        XCTAssertEqual(down.audience.emails, ActivationFixture.emails(people))
        let pending = try await down.pending()
        XCTAssertEqual(pending, [])
    }

    func testAFailingDestinationIsGivenUpOnlyAfterAttemptsAndWindow() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(3))
        fixture.audience.update { $0.down = true }
        try await fixture.plan()
        try await fixture.deliverAll(rounds: 4)
        let deadEarly = try await fixture.dead()
        XCTAssertEqual(deadEarly, [], "4 attempts within minutes: still pending")
        try await fixture.deliverAll(rounds: 60)
        let dead = try await fixture.dead()
        XCTAssertEqual(dead.count, 3)
        XCTAssertTrue(dead.allSatisfy { $0.attempts.count >= 5 })
        XCTAssertTrue(dead.first?.lastError?.contains("gave up after") ?? false, dead.first?.lastError ?? "")
    }

    func testWrongCredentialsRetryInsteadOfDeadLettering() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(3))
        try await fixture.plan()
        // The audience accepts only the fixture's key: a 401 is a configuration error, never a dead letter.
        let sender = try await DeliveryService.makeSender(
            for: try Self.destinationWithKey("bad-us1"), transport: fixture.audience, clock: fixture.clock,
            limiters: RateLimiterPool())
        let worker = DeliveryWorker(
            destination: fixture.destination, outbox: fixture.store, sender: sender, clock: fixture.clock, owner: "w",
            logger: fixture.worker.logger)
        let report = try await worker.runOnce()
        XCTAssertTrue(report.destinationFailed)
        let dead = try await fixture.dead()
        XCTAssertEqual(dead, [])
        let error = try await fixture.pending().first?.lastError ?? ""
        XCTAssertTrue(error.contains("Check the API key"), error)
    }

    private static func destinationWithKey(_ key: String) throws -> ActivationDestination {
        let base = try ActivationFixture.destination(name: "newsletter")
        var config = base.config
        config.config["api_key"] = .string(key)
        return try ActivationDestination(name: "newsletter", config: config, plugin: base.plugin)
    }
}
