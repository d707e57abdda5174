import Foundation
import KontorCore
import Synchronization

/// The memory cache of the personalisation API: answers by normalised
/// identity, bounded (least recently used go first) and aged out after a TTL.
///
/// **Invalidation.** The profile builder and the segment engine call
/// ``invalidateAll()`` after each batch or pass that changed something
/// (`kontor run` wires their `afterBatch`/`afterPass` hooks to it), which
/// empties the cache and starts a new *generation*. A reader that missed
/// takes the generation before reading the store and hands it back with the
/// answer; ``store(_:for:generation:now:)`` drops the answer when a change
/// came in between, so an answer read before a change is never cached after it.
/// The TTL bounds what no hook reports: computed traits with time windows,
/// and other nodes writing a shared store.
///
/// ```swift
/// let cache = PersonalizationCache(capacity: 10_000, ttl: 60)
/// let (cached, generation) = cache.lookup(identity, now: now)
/// if cached == nil { cache.store(try await read(), for: identity, generation: generation, now: now) }
/// ```
public final class PersonalizationCache: Sendable {
    /// Counters for the admin API.
    public struct Statistics: Sendable, Hashable, Codable {
        public var entries = 0
        public var capacity = 0
        public var hits = 0
        public var misses = 0
        /// Times the cache was emptied because profiles changed.
        public var invalidations = 0
    }

    private struct Entry {
        var answer: Personalization
        var storedAt: Date
    }

    private struct State {
        var entries: LRUCache<Identity, Entry>
        var generation: UInt64 = 0
        var statistics = Statistics()
    }

    /// The longest time an answer is served from the cache (seconds).
    public let ttl: TimeInterval
    private let state: Mutex<State>

    /// - Parameters:
    ///   - capacity: answers kept; 0 turns the cache off (every request reads the store).
    ///   - ttl: seconds an answer is served at most.
    public init(capacity: Int, ttl: TimeInterval) {
        self.ttl = ttl
        var state = State(entries: LRUCache(capacity: capacity))
        state.statistics.capacity = max(0, capacity)
        self.state = Mutex(state)
    }

    /// The cache `settings` describe.
    public convenience init(_ settings: PersonalizeSettings) {
        self.init(capacity: settings.cacheEntries, ttl: settings.cacheTTL)
    }

    /// The cached answer for `identity` if it is younger than the TTL, and the
    /// current generation (to pass to ``store(_:for:generation:now:)`` after a miss).
    public func lookup(_ identity: Identity, now: Date) -> (answer: Personalization?, generation: UInt64) {
        state.withLock { state in
            if let entry = state.entries[identity] {
                if now.timeIntervalSince(entry.storedAt) < ttl {
                    state.statistics.hits += 1
                    return (entry.answer, state.generation)
                }
                state.entries[identity] = nil
            }
            state.statistics.misses += 1
            return (nil, state.generation)
        }
    }

    /// Caches `answer`, unless the cache was invalidated since `generation` was handed out.
    public func store(_ answer: Personalization, for identity: Identity, generation: UInt64, now: Date) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.entries[identity] = Entry(answer: answer, storedAt: now)
        }
    }

    /// Forgets every answer: profiles or memberships changed.
    public func invalidateAll() {
        state.withLock { state in
            state.generation &+= 1
            state.statistics.invalidations += 1
            state.entries.removeAll()
        }
    }

    /// Hits, misses, invalidations and the number of entries.
    public var statistics: Statistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.entries = state.entries.count
            return statistics
        }
    }
}
