import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import Logging
import ServiceLifecycle
import XCTest

/// Batches, positions, replay determinism and the service loop of the profile builder.
final class ProfileBuilderTests: XCTestCase {
    typealias F = ProfileFixture

    /// A log where people browse anonymously, sign up, share emails and buy: merges happen.
    static func generatedLog(count: Int, seed: UInt64) -> [(Message, String)] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { index in
            let person = Int(generator.next() % 40)
            let day = Double(index) / 10
            let anonymous = "anon-\(person)-\(generator.next() % 3)"
            switch generator.next() % 5 {
            case 0: return (F.page("g\(index)", day: day, anonymous: anonymous), "web")
            case 1:
                return (F.identify("g\(index)", day: day, anonymous: anonymous,
                                   traits: ["email": .string("person\(person)@example.com"), "visits": .int(index)]), "web")
            case 2:
                return (F.identify("g\(index)", day: day, user: "user-\(person)",
                                   traits: ["email": .string("person\(person % 30)@example.com"), "consent": ["email": .bool(index % 2 == 0)]]), "shop")
            case 3: return (F.order("g\(index)", day: day, user: "user-\(person)", total: .int(index % 17)), "shop")
            default: return (F.alias("g\(index)", day: day, user: "user-\(person)", previous: anonymous), "app")
            }
        }
    }

    private func seeded(_ log: [(Message, String)]) async throws -> SQLiteStore {
        let store = try await F.store()
        for (message, source) in log { _ = try await store.append([message], source: source) }
        return store
    }

    func testEachBatchCommitsWithItsPosition() async throws {
        let store = try await seeded(Self.generatedLog(count: 10, seed: 1))
        let builder = F.builder(store, try F.model(), batchSize: 3)
        let first = try await builder.runOnce()
        XCTAssertEqual(first.events, 3)
        XCTAssertEqual(first.position, 3)
        let position = try await store.position(consumer: ProfileBuilder.consumer)
        XCTAssertEqual(position, 3)
        let attributed = try await store.profileRead { reader in
            try reader.attributedEvents(of: Set(try reader.profiles(after: nil, limit: 100).map(\.id))).map(\.seq)
        }
        XCTAssertTrue(attributed.allSatisfy { $0 <= 3 }, "only the committed batch is applied: \(attributed)")
        let rest = try await builder.catchUp()
        XCTAssertEqual(rest.events, 7)
        XCTAssertEqual(rest.position, 10)
    }

    /// Stopping between batches and going on with other batch sizes gives the same profiles.
    func testInterruptedBuildEndsLikeAnUninterruptedOne() async throws {
        let log = Self.generatedLog(count: 400, seed: 42)
        let model = try F.model(segments: ["buyers": "computed.order_count >= 2", "emailable": "consent.email"])
        let whole = try await seeded(log)
        let summary = try await F.builder(whole, model).catchUp()
        XCTAssertGreaterThan(summary.merges, 0, "the generated log must exercise merges")
        _ = try await SegmentEngine(store: whole, model: model, clock: ManualClock(now: F.day(200))).evaluateDirty()

        let pieces = try await seeded(log)
        let batches = Counter()
        _ = try await F.builder(pieces, model, batchSize: 7).catchUp(shouldStop: { batches.increment() > 5 })
        let position = try await pieces.position(consumer: ProfileBuilder.consumer)
        XCTAssertEqual(position, 35)
        _ = try await SegmentEngine(store: pieces, model: model, clock: ManualClock(now: F.day(100))).evaluateDirty()
        _ = try await F.builder(pieces, model, batchSize: 13).catchUp()
        _ = try await SegmentEngine(store: pieces, model: model, clock: ManualClock(now: F.day(200))).evaluateDirty()

        let expected = try await F.dump(whole, model: model)
        let actual = try await F.dump(pieces, model: model)
        XCTAssertEqual(actual.count, expected.count)
        for (left, right) in zip(actual, expected) where left != right {
            XCTFail("first difference:\n\(left)\n\(right)")
            break
        }
    }

    /// `run()` builds what arrives and returns on graceful shutdown.
    func testRunBuildsNewEventsAndStopsOnGracefulShutdown() async throws {
        let store = try await F.store()
        let (batches, continuation) = AsyncStream.makeStream(of: BuildSummary.self)
        let builder = ProfileBuilder(
            store: store, model: try F.model(), clock: ManualClock(now: F.day(10)), afterBatch: { continuation.yield($0) })
        let group = ServiceGroup(services: [builder], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        _ = try await store.append([F.identify("n1", day: 0, user: "ada")], source: "web")
        builder.notify()
        var iterator = batches.makeAsyncIterator()
        let batch = await iterator.next()
        XCTAssertEqual(batch?.created, 1)
        await group.triggerGracefulShutdown()
        try await running.value
        let position = try await store.position(consumer: ProfileBuilder.consumer)
        XCTAssertEqual(position, 1)
    }

    /// `kontor run`'s composition: the builder wakes the engine after each batch; both stop gracefully.
    func testBuilderWakesTheSegmentEngineAfterEachBatch() async throws {
        let store = try await F.store()
        let model = try F.model(segments: ["buyers": "computed.order_count >= 1"])
        let clock = ManualClock(now: F.day(10))
        let (passes, continuation) = AsyncStream.makeStream(of: SegmentPassSummary.self)
        let engine = SegmentEngine(store: store, model: model, clock: clock, afterPass: { continuation.yield($0) })
        let builder = ProfileBuilder(store: store, model: model, clock: clock, afterBatch: { _ in engine.notify() })
        let group = ServiceGroup(services: [builder, engine], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        _ = try await store.append([F.order("o1", day: 1, user: "ada", total: 5)], source: "shop")
        builder.notify()
        var entered = 0
        for await pass in passes {
            entered += pass.entered
            if entered > 0 { break }
        }
        XCTAssertEqual(entered, 1)
        let members = try await store.profileRead { try $0.members(of: "buyers", limit: 10) }
        XCTAssertEqual(members.count, 1)
        await group.triggerGracefulShutdown()
        try await running.value
    }
}

/// A counter a `@Sendable` closure may bump.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The value after adding one.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// A small seeded generator, so generated logs are the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
