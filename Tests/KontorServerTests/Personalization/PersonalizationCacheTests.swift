import Foundation
import KontorCore
import KontorRuntime
@testable import KontorServer
import XCTest

/// The memory cache: LRU bound, TTL, invalidation, and answers read before a change never cached after it.
final class PersonalizationCacheTests: XCTestCase {
    private typealias F = PersonalizationFixture
    private let ada = Identity(.userID, "u-1")
    private let grace = Identity(.userID, "u-2")
    private let answer = Personalization(segments: ["buyers"], traits: ["first_name": "Ada"])
    private let t0 = Date(timeIntervalSince1970: 1_000_000)

    func testLRUKeepsTheMostRecentlyUsed() {
        var cache = LRUCache<String, Int>(capacity: 3)
        cache["a"] = 1
        cache["b"] = 2
        cache["c"] = 3
        XCTAssertEqual(cache["a"], 1)
        cache["d"] = 4
        XCTAssertNil(cache.peek("b"), "b was least recently used")
        XCTAssertEqual(cache.keysByRecency, ["d", "a", "c"])
        cache["c"] = 30
        XCTAssertEqual(cache.keysByRecency, ["c", "d", "a"])
        cache["d"] = nil
        cache["e"] = 5
        cache["f"] = 6
        XCTAssertEqual(cache.keysByRecency, ["f", "e", "c"])
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(cache.peek("c"), 30)
        cache.removeAll()
        XCTAssertEqual(cache.count, 0)
        cache["g"] = 7
        XCTAssertEqual(cache.keysByRecency, ["g"])
    }

    func testLRUWithCapacityZeroKeepsNothing() {
        var cache = LRUCache<String, Int>(capacity: 0)
        cache["a"] = 1
        XCTAssertNil(cache["a"])
        XCTAssertEqual(cache.count, 0)
    }

    func testLRUSurvivesManyInsertsAndRemovals() {
        var cache = LRUCache<Int, Int>(capacity: 50)
        var reference: [Int] = []  // most recent first
        for step in 0..<2_000 {
            let key = (step * 7919) % 173
            if step % 5 == 0 {
                cache[key] = nil
                reference.removeAll { $0 == key }
            } else {
                cache[key] = step
                reference.removeAll { $0 == key }
                reference.insert(key, at: 0)
                if reference.count > 50 { reference.removeLast() }
            }
        }
        XCTAssertEqual(cache.keysByRecency, reference)
    }

    func testTTLAgesOutAnswers() {
        let cache = PersonalizationCache(capacity: 10, ttl: 60)
        let (_, generation) = cache.lookup(ada, now: t0)
        cache.store(answer, for: ada, generation: generation, now: t0)
        XCTAssertEqual(cache.lookup(ada, now: t0.addingTimeInterval(59)).answer, answer)
        XCTAssertNil(cache.lookup(ada, now: t0.addingTimeInterval(60)).answer)
        XCTAssertEqual(cache.statistics.hits, 1)
        XCTAssertEqual(cache.statistics.misses, 2)
        XCTAssertEqual(cache.statistics.entries, 0, "an expired answer is dropped")
    }

    func testAnswerReadBeforeAChangeIsNotCachedAfterIt() {
        let cache = PersonalizationCache(capacity: 10, ttl: 60)
        let (_, generation) = cache.lookup(ada, now: t0)
        cache.invalidateAll()  // the profile builder committed while the store was read
        cache.store(answer, for: ada, generation: generation, now: t0)
        XCTAssertNil(cache.lookup(ada, now: t0).answer)
        let (_, fresh) = cache.lookup(ada, now: t0)
        cache.store(answer, for: ada, generation: fresh, now: t0)
        XCTAssertEqual(cache.lookup(ada, now: t0).answer, answer)
    }

    func testCapacityBoundsTheCache() {
        let cache = PersonalizationCache(capacity: 1, ttl: 60)
        cache.store(answer, for: ada, generation: 0, now: t0)
        cache.store(.nobody, for: grace, generation: 0, now: t0)
        XCTAssertNil(cache.lookup(ada, now: t0).answer)
        XCTAssertEqual(cache.lookup(grace, now: t0).answer, .nobody)
        XCTAssertEqual(cache.statistics.entries, 1)
    }

    func testHooksInvalidateOnlyWhenSomethingChanged() {
        let cache = PersonalizationCache(capacity: 10, ttl: 60)
        cache.store(answer, for: ada, generation: 0, now: t0)
        cache.profilesChanged(BuildSummary())
        cache.membershipsChanged(SegmentPassSummary())
        XCTAssertEqual(cache.lookup(ada, now: t0).answer, answer, "empty batches and passes change nothing")
        var pass = SegmentPassSummary()
        pass.evaluated = 3
        cache.membershipsChanged(pass)
        XCTAssertEqual(cache.lookup(ada, now: t0).answer, answer, "evaluated without moving anyone")
        pass.entered = 1
        cache.membershipsChanged(pass)
        XCTAssertNil(cache.lookup(ada, now: t0).answer)
        cache.store(answer, for: ada, generation: 1, now: t0)
        var batch = BuildSummary()
        batch.events = 2
        cache.profilesChanged(batch)
        XCTAssertNil(cache.lookup(ada, now: t0).answer)
        XCTAssertEqual(cache.statistics.invalidations, 2)
    }

    func testServiceServesFromCacheUntilProfilesChange() async throws {
        let model = try F.model()
        let store = try await F.store(model: model)
        let service = try F.service(store: store)
        let first = try await service.answer(for: ada)
        XCTAssertEqual(first.traits["first_name"], "Ada")
        let rename = Message(
            type: .identify, messageId: "m-rename", timestamp: F.now, userId: "u-1", traits: ["first_name": "Augusta"])
        let summary = try await F.ingest([rename], into: store, model: model)
        let cached = try await service.answer(for: ada)
        XCTAssertEqual(cached.traits["first_name"], "Ada", "served from the cache: the store was not read")
        service.cache.profilesChanged(summary)
        let fresh = try await service.answer(for: ada)
        XCTAssertEqual(fresh.traits["first_name"], "Augusta")
        XCTAssertEqual(service.cache.statistics.hits, 1)
    }

    func testUnknownPeopleAreCachedAndFoundOnceTheyExist() async throws {
        let model = try F.model()
        let store = try await F.store(model: model)
        let service = try F.service(store: store)
        let before = try await service.answer(for: grace)
        XCTAssertEqual(before, .nobody)
        XCTAssertEqual(service.cache.statistics.entries, 1, "an unknown person's answer is cached too")
        let summary = try await F.ingest(
            [Message(type: .identify, messageId: "m-grace", timestamp: F.now, userId: "u-2", traits: ["first_name": "Grace"])],
            into: store, model: model)
        service.cache.profilesChanged(summary)
        let after = try await service.answer(for: grace)
        XCTAssertEqual(after.traits, ["first_name": "Grace", "order_count": 0])
    }
}
