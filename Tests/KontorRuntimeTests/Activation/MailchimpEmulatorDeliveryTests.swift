import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import Logging
import XCTest

/// Delivery to the Mailchimp emulator on loopback, over real HTTP (`AsyncHTTPTransport`).
final class MailchimpEmulatorDeliveryTests: XCTestCase {
    private struct Setup {
        var emulator: MailchimpEmulator
        var transport: AsyncHTTPTransport
        var fixture: ActivationFixture
    }

    /// The fixture's destination pointed at the emulator, with its key and list.
    private func start(retryAfter: Int? = nil, batchSize: Int? = nil) async throws -> Setup {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let emulator = try await MailchimpEmulator.start(
            configuration: MailchimpConfiguration(apiKey: "k-us1", listIDs: ["L1"], retryAfterSeconds: retryAfter),
            clock: clock)
        let transport = AsyncHTTPTransport()
        let fixture = try await ActivationFixture(
            batchSize: batchSize, clock: clock, baseURL: emulator.apiBaseURL, transport: transport)
        return Setup(emulator: emulator, transport: transport, fixture: fixture)
    }

    private func stop(_ setup: Setup) async throws {
        try await setup.transport.shutdown()
        await setup.emulator.stop()
    }

    func testMirrorArrivesCompleteThenSendsNothingThenRemovesExactlyTheLeavers() async throws {
        let setup = try await start()
        let fixture = setup.fixture
        var people = StaticMembers.crowd(2_345)
        fixture.members.set(people)
        try await fixture.plan()
        let first = try await fixture.deliverAll()
        XCTAssertEqual(first.delivered, 2_345)
        XCTAssertEqual(first.requests, 5, "batches of at most 500")
        XCTAssertEqual(setup.emulator.audience.emails, ActivationFixture.emails(people))
        XCTAssertEqual(setup.emulator.violations, [])

        try await fixture.plan()
        let second = try await fixture.deliverAll()
        XCTAssertEqual(second.requests, 0, "a second run sends nothing")

        people.removeSubrange(0..<10)
        fixture.members.set(people)
        let removal = try await fixture.plan()
        XCTAssertEqual(removal.plan.counts.removes, 10)
        let removed = try await fixture.deliverAll()
        XCTAssertEqual(removed.requests, 10)
        XCTAssertEqual(setup.emulator.audience.emails, ActivationFixture.emails(people))
        XCTAssertEqual(setup.emulator.violations, [])
        try await stop(setup)
    }

    func testFaultsRejectionAndOutage() async throws {
        let setup = try await start(retryAfter: 20, batchSize: 50)
        let fixture = setup.fixture
        let people = StaticMembers.crowd(1_200)
        fixture.members.set(people)
        setup.emulator.knobs.reject("person9@example.com", reason: "looks fake or invalid")
        setup.emulator.faults.add(FaultRule(.serverError(status: 503), on: .share(0.1)))
        setup.emulator.faults.add(FaultRule(.rateLimited, on: .share(0.1)))
        try await fixture.plan()
        try await fixture.deliverAll()
        var expected = ActivationFixture.emails(people)
        expected.remove("person9@example.com")
        XCTAssertEqual(setup.emulator.audience.emails, expected)
        let dead = try await fixture.dead()
        XCTAssertEqual(dead.map(\.profileID), ["p00009"])
        XCTAssertTrue(dead.first?.lastError?.contains("looks fake") ?? false, dead.first?.lastError ?? "")
        XCTAssertGreaterThan(setup.emulator.log.faultsInjected, 2, "503s and 429s were injected")
        XCTAssertEqual(setup.emulator.violations, [])

        setup.emulator.faults.removeAll()
        setup.emulator.knobs.beginOutage()
        fixture.members.set(people + StaticMembers.crowd(1_210).suffix(10))
        try await fixture.plan()
        try await fixture.deliverAll(rounds: 3)
        let waiting = try await fixture.pending()
        XCTAssertEqual(waiting.count, 10, "jobs stay pending while the destination is down")
        setup.emulator.knobs.endOutage()
        setup.emulator.knobs.accept("person9@example.com")
        _ = try await fixture.store.replay(OutboxFilter(destination: "newsletter"), now: fixture.clock.now)
        try await fixture.deliverAll()
        let all = ActivationFixture.emails(people + StaticMembers.crowd(1_210).suffix(10))
        XCTAssertEqual(setup.emulator.audience.emails, all)
        try await stop(setup)
    }
}
