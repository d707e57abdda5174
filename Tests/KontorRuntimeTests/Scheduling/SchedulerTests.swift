import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

final class SchedulerTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private actor RunCounter {
        var count = 0
        func increment() { count += 1 }
    }

    /// Events of a scheduler as an async stream a test can await, in order.
    private func eventStream() -> (AsyncStream<SchedulerEvent>, @Sendable (SchedulerEvent) -> Void) {
        let (stream, continuation) = AsyncStream<SchedulerEvent>.makeStream()
        return (stream, { continuation.yield($0) })
    }

    private func nextFinished(_ iterator: inout AsyncStream<SchedulerEvent>.Iterator) async -> (slot: Date, error: String?)? {
        while let event = await iterator.next() {
            if case let .finished(_, slot, _, error) = event { return (slot, error) }
        }
        return nil
    }

    func testRunsOnScheduleAndPersistsTheNextSlot() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let clock = ManualClock(now: t0)
        let counter = RunCounter()
        let (events, onEvent) = eventStream()
        let scheduler = Scheduler(
            jobs: [ScheduledJob(name: "source:shop", schedule: .every(60)) { await counter.increment() }],
            store: store, clock: clock, owner: "node-a", pollInterval: 5, onEvent: onEvent)
        let task = Task { try await scheduler.run() }
        var iterator = events.makeAsyncIterator()

        let first = await nextFinished(&iterator)
        XCTAssertEqual(first?.slot, t0)
        XCTAssertNil(first?.error)
        for _ in 0..<12 {  // 12 polls of 5 s reach the next slot
            await clock.waitForSleepers(1)
            clock.advance(by: 5)
        }
        let second = await nextFinished(&iterator)
        XCTAssertEqual(second?.slot, t0.addingTimeInterval(60))
        let runs = await counter.count
        XCTAssertEqual(runs, 2)
        let stored = try await store.nextRunAt(name: "source:shop")
        XCTAssertEqual(stored, t0.addingTimeInterval(120))

        task.cancel()
        _ = try? await task.value
        let leases = try await store.schedules().filter { $0.leaseOwner != nil && ($0.leaseUntil ?? .distantPast) > clock.now }
        XCTAssertEqual(leases.count, 0, "no lease left after shutdown")
    }

    func testAfterDowntimeAMissedRunRunsOnce() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        try await store.setNextRun(name: "source:shop", at: t0)
        let clock = ManualClock(now: t0.addingTimeInterval(5 * 3600 + 10))  // five hours of downtime
        let counter = RunCounter()
        let (events, onEvent) = eventStream()
        let scheduler = Scheduler(
            jobs: [ScheduledJob(name: "source:shop", schedule: .every(60)) { await counter.increment() }],
            store: store, clock: clock, owner: "node-a", pollInterval: 5, onEvent: onEvent)
        let task = Task { try await scheduler.run() }
        var iterator = events.makeAsyncIterator()
        let finished = await nextFinished(&iterator)
        XCTAssertEqual(finished?.slot, t0)
        await clock.waitForSleepers(1)
        let runs = await counter.count
        XCTAssertEqual(runs, 1, "300 missed slots ran once, not 300 times")
        let next = try await store.nextRunAt(name: "source:shop")
        XCTAssertEqual(next, t0.addingTimeInterval(5 * 3600 + 60), "the first regular slot after now")
        task.cancel()
        _ = try? await task.value
    }

    func testAJobWhoseLeaseIsHeldElsewhereIsNotRunTwice() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let clock = ManualClock(now: t0)
        // `kontor sync` (or another node) holds the lease.
        let held = try await store.acquireLease(name: "source:shop", owner: "cli-1", until: t0.addingTimeInterval(600), now: t0)
        XCTAssertTrue(held)
        let counter = RunCounter()
        let (events, onEvent) = eventStream()
        let scheduler = Scheduler(
            jobs: [ScheduledJob(name: "source:shop", schedule: .every(60)) { await counter.increment() }],
            store: store, clock: clock, owner: "node-a", pollInterval: 5, onEvent: onEvent)
        let task = Task { try await scheduler.run() }
        var iterator = events.makeAsyncIterator()
        var skipped = false
        while let event = await iterator.next() {
            if case .skippedHeld = event { skipped = true; break }
        }
        XCTAssertTrue(skipped)
        let runs = await counter.count
        XCTAssertEqual(runs, 0)
        task.cancel()
        _ = try? await task.value
    }

    func testExclusiveRunRefusesASecondRunWithAClearMessage() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let clock = ManualClock(now: t0)
        _ = try await store.acquireLease(name: "source:shop", owner: "daemon-7", until: t0.addingTimeInterval(600), now: t0)
        let cli = ExclusiveRun(store: store, clock: clock, owner: "cli")
        do {
            _ = try await cli.run("source:shop") { 1 }
            XCTFail("a second run was started")
        } catch let error as LeaseHeld {
            XCTAssertTrue(error.description.contains("already running"), error.description)
            XCTAssertTrue(error.description.contains("daemon-7"), error.description)
        }
        // Once the lease has run out, the run goes ahead and returns the lease.
        clock.advance(by: 601)
        let value = try await cli.run("source:shop") { 42 }
        XCTAssertEqual(value, 42)
        let state = try await store.schedules().first { $0.name == "source:shop" }
        XCTAssertNil(state?.leaseOwner)
    }

    func testALeaseOfADeadLocalProcessIsTakenOverAtOnce() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let clock = ManualClock(now: t0)
        // A `kontor sync` that was killed: its process is gone, its lease still runs for ten minutes.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = LeaseOwner(role: "cli", host: LeaseOwner.localHostName, pid: finished.processIdentifier)
        XCTAssertTrue(dead.isDeadLocalProcess)
        _ = try await store.acquireLease(name: "source:shop", owner: dead.description, until: t0.addingTimeInterval(600), now: t0)

        let next = ExclusiveRun(store: store, clock: clock, owner: LeaseOwner.current(role: "cli").description)
        let value = try await next.run("source:shop") { 7 }
        XCTAssertEqual(value, 7)

        // A live holder (this very process) is never taken over.
        let alive = LeaseOwner.current(role: "daemon")
        XCTAssertFalse(alive.isDeadLocalProcess)
        _ = try await store.acquireLease(name: "source:shop", owner: alive.description, until: t0.addingTimeInterval(600), now: t0)
        do {
            _ = try await next.run("source:shop") { 8 }
            XCTFail("a live holder's lease was taken")
        } catch is LeaseHeld {}
    }

    func testLeaseOwnerRoundTrip() {
        let owner = LeaseOwner(role: "cli", host: "shop-server", pid: 4711)
        XCTAssertEqual(owner.description, "cli:shop-server:4711")
        XCTAssertEqual(LeaseOwner(parsing: "cli:shop-server:4711"), owner)
        XCTAssertNil(LeaseOwner(parsing: "daemon-7"))
        XCTAssertNil(LeaseOwner(parsing: "cli:4711"))
        // A host that is an IPv6 address, as a resolver may answer for the machine's name.
        let v6 = LeaseOwner(role: "daemon", host: "fe80::1", pid: 812)
        XCTAssertEqual(LeaseOwner(parsing: v6.description), v6)
    }
}
