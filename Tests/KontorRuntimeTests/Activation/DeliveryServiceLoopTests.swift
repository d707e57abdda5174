import Foundation
import KontorCore
import KontorRuntime
import KontorStore
import XCTest

/// The worker as a long-running service: partial batches wait for `max_wait`, then go.
final class DeliveryServiceLoopTests: XCTestCase {
    func testAPartialBatchWaitsForMaxWaitThenGoesAndCancellationReturnsLeases() async throws {
        let fixture = try await ActivationFixture()
        fixture.members.set(StaticMembers.crowd(7))
        try await fixture.plan()
        let worker = fixture.worker
        let task = Task { try await worker.run() }

        await fixture.clock.waitForSleepers(1)
        XCTAssertEqual(fixture.audience.snapshot.requests.count, 0, "7 records wait for the 30 s max_wait")
        let waiting = try await fixture.pending()
        XCTAssertEqual(waiting.count, 7)
        XCTAssertTrue(waiting.allSatisfy { !$0.isLeased(at: fixture.clock.now) }, "waiting jobs are handed back")

        fixture.clock.advance(by: 5)
        await fixture.clock.waitForSleepers(1)
        XCTAssertEqual(fixture.audience.snapshot.requests.count, 0, "still inside max_wait after 5 s")
        fixture.clock.advance(by: 25)
        await fixture.clock.waitForSleepers(1)
        XCTAssertEqual(fixture.audience.snapshot.requests.map(\.members), [7], "one request once max_wait has passed")
        XCTAssertEqual(fixture.audience.emails.count, 7)

        task.cancel()
        _ = try? await task.value
        let left = try await fixture.pending()
        XCTAssertEqual(left, [])
    }
}
