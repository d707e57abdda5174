import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorTesting
import XCTest

/// A destination down for a whole run keeps its jobs pending, costs the other destinations nothing,
/// and receives everything once it is back.
final class DestinationOutageTests: XCTestCase {
    func testADestinationDownForTheWholeRunKeepsItsJobsAndOthersAreUnaffected() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let down = try await DestinationHarness(.mailchimp, name: "newsletter", store: store)
        let up = [
            try await DestinationHarness(.meta, name: "lookalikes", store: store),
            try await DestinationHarness(.webhook, name: "website", store: store),
        ]
        let people = ScenarioMembers.crowd(1_500)
        for harness in [down] + up {
            harness.members.set(people)
            try await harness.plan()
        }
        down.emulated.knobs.beginOutage()
        var workers = [try await down.worker()]
        for harness in up { workers.append(try await harness.worker()) }
        let service = DeliveryService(workers: workers)
        for _ in 0..<5 {
            let results = await service.runOnce()
            XCTAssertEqual(Set(results.keys), ["newsletter", "lookalikes", "website"])
            for (name, result) in results { XCTAssertNoThrow(try result.get(), name) }
            down.clock.manual.advance(by: 900)
        }
        for harness in up {
            DestinationHarness.assertAudience(harness.emulated.audience(), harness.keys(people), harness.name)
            let pending = try await harness.pending()
            XCTAssertEqual(pending.count, 0, harness.name)
        }
        let waiting = try await down.pending()
        XCTAssertEqual(waiting.count, 1_500, "every job still pending")
        let dead = try await down.dead()
        XCTAssertEqual(dead.count, 0)
        XCTAssertLessThanOrEqual(
            down.emulated.requestsServed, 10 + 4, "the first round's wave (≤ 10 connections), then one probe per round")
        XCTAssertEqual(down.emulated.audience(), [])

        down.emulated.knobs.endOutage()
        down.clock.manual.advance(by: 3_600)
        try await down.deliverAll()
        DestinationHarness.assertAudience(down.emulated.audience(), down.keys(people), down.name)
        let after = try await down.pending()
        XCTAssertEqual(after.count, 0)
        XCTAssertEqual(down.emulated.violations, [])
        for harness in [down] + up { try await harness.stop() }
    }
}
