import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// The retention job against a SQLite store and an injected clock: what goes,
/// what stays, and that profiles built from deleted events stay as they were.
final class RetentionServiceTests: XCTestCase {
    private let day: TimeInterval = 86_400

    /// A store whose `received_at` comes from `clock`.
    private func store(_ clock: ManualClock) async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(now: { clock.now })
        try await store.migrate()
        return store
    }

    private func order(_ id: String, day: Double, user: String = "u-ada", total: JSONValue) -> Message {
        ProfileFixture.order(id, day: day, user: user, total: total)
    }

    func testOldProcessedEventsGoAndTheProfilesBuiltFromThemStay() async throws {
        let clock = ManualClock(now: ProfileFixture.day(0))
        let store = try await store(clock)
        let model = try ProfileFixture.model()
        let builder = ProfileBuilder(store: store, model: model, clock: clock)
        _ = try await store.append([
            ProfileFixture.identify("i1", day: 0, user: "u-ada", traits: ["email": "ada@example.com", "first_name": "Ada"]),
            order("o1", day: 0, total: 30), order("o2", day: 0, total: "12.50"),
        ], source: "shop")
        _ = try await builder.catchUp()
        clock.advance(by: 20 * day)
        _ = try await store.append([order("o3", day: 20, total: 10)], source: "shop")
        _ = try await builder.catchUp()
        _ = try await store.append([order("o4", day: 20, total: 5)], source: "shop")  // not processed yet

        let retention = RetentionService(store: store, settings: RetentionSettings(events: 10 * day), clock: clock, chunkSize: 2)
        let summary = try await retention.runOnce()
        XCTAssertEqual(summary.events, 3, "the three events of day 0")
        let left = try await store.read(after: 0, limit: 10).map(\.message.messageId)
        XCTAssertEqual(left, ["o3", "o4"])

        // The profile keeps what it folded; the unprocessed event is still there for the builder.
        let built = try await builder.catchUp()
        XCTAssertEqual(built.events, 1)
        // A full re-sync sends the deleted messages again: they are duplicates, nothing is counted twice.
        let resent = try await store.append([order("o1", day: 0, total: 30), order("o2", day: 0, total: "12.50")], source: "shop")
        XCTAssertEqual(resent.duplicates, 2)
        let rebuilt = try await builder.catchUp()
        XCTAssertEqual(rebuilt.events, 0)
        let ada = try await ProfileFixture.profile(store, Identity(.userID, "u-ada"))
        let computed = model.computedValues(try XCTUnwrap(ada).computed, at: clock.now)
        XCTAssertEqual(computed["order_count"], 4)
        XCTAssertEqual(computed["lifetime_value"], 57.5)
        XCTAssertEqual(ada?.traits.traits["first_name"], "Ada")

        let run = try await store.lastRun(name: RetentionService.jobName)
        XCTAssertEqual(run?.kind, .retention)
        XCTAssertEqual(run?.status, .succeeded)
        XCTAssertEqual(run?.counts["events"], 3)
    }

    func testUnprocessedEventsStayHoweverOld() async throws {
        let clock = ManualClock(now: ProfileFixture.day(0))
        let store = try await store(clock)
        _ = try await store.append([order("o1", day: 0, total: 1), order("o2", day: 0, total: 2)], source: "shop")
        clock.advance(by: 400 * day)
        let retention = RetentionService(store: store, settings: RetentionSettings(events: day), clock: clock)
        let untouched = try await retention.runOnce()
        XCTAssertEqual(untouched.events, 0, "the profile builder has not read them")
        try await store.setPosition(1, consumer: ProfileBuilder.consumer)
        let first = try await retention.runOnce()
        XCTAssertEqual(first.events, 1)
        let count = try await store.count()
        XCTAssertEqual(count, 1)
    }

    func testDeadLettersAndRunsHaveTheirOwnPeriods() async throws {
        let clock = ManualClock(now: ProfileFixture.day(0))
        let store = try await store(clock)
        for name in ["shop", "shop", "till"] {
            let run = try await store.startRun(kind: .sync, name: name, at: clock.now)
            try await store.finishRun(run, status: .succeeded, counts: [:], error: nil, at: clock.now)
        }
        clock.advance(by: 40 * day)
        let settings = RetentionSettings(runs: 30 * day)
        let summary = try await RetentionService(store: store, settings: settings, clock: clock).runOnce()
        XCTAssertEqual(summary.runs, 1, "the older shop run; the latest run of each name stays")
        XCTAssertEqual(summary.events, 0)
        let names = try await store.recentRuns(name: nil, limit: 10).map(\.name).sorted()
        XCTAssertEqual(names, ["retention", "shop", "till"])
    }

    func testNoPeriodDeletesNothingAndRecordsNoRun() async throws {
        let clock = ManualClock(now: ProfileFixture.day(0))
        let store = try await store(clock)
        _ = try await store.append([order("o1", day: 0, total: 1)], source: "shop")
        try await store.setPosition(1, consumer: ProfileBuilder.consumer)
        clock.advance(by: 4000 * day)
        let summary = try await RetentionService(store: store, settings: RetentionSettings(), clock: clock).runOnce()
        XCTAssertTrue(summary.isEmpty)
        let count = try await store.count()
        XCTAssertEqual(count, 1)
        let run = try await store.lastRun(name: RetentionService.jobName)
        XCTAssertNil(run)
    }

    func testRunPassesAtStartThenEveryIntervalUntilCancelled() async throws {
        let clock = ManualClock(now: ProfileFixture.day(0))
        let store = try await store(clock)
        _ = try await store.append([order("o1", day: 0, total: 1), order("o2", day: 0, total: 2)], source: "shop")
        try await store.setPosition(1, consumer: ProfileBuilder.consumer)
        let retention = RetentionService(
            store: store, settings: RetentionSettings(events: day), clock: clock, interval: 3600)
        let task = Task { try await retention.run() }
        await clock.waitForSleepers(1)
        let startRuns = try await store.recentRuns(name: RetentionService.jobName, limit: 10)
        XCTAssertEqual(startRuns.count, 1, "a pass at start")
        let before = try await store.count()
        XCTAssertEqual(before, 2, "nothing is old enough yet")

        try await store.setPosition(2, consumer: ProfileBuilder.consumer)
        clock.advance(by: 2 * day)  // wakes the sleeper: one pass, then it sleeps again
        await clock.waitForSleepers(1)
        var passes = 0
        for _ in 0..<500 {  // the pass that follows the wake-up finishes before the next sleep, but poll to be safe
            passes = try await store.recentRuns(name: RetentionService.jobName, limit: 10).count
            if passes == 2 { break }
            await Task.yield()
        }
        XCTAssertEqual(passes, 2)
        let after = try await store.count()
        XCTAssertEqual(after, 0, "both events are processed and older than a day")
        task.cancel()
        try await task.value
    }
}
