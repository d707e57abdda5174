import Foundation
import KontorCore
import Synchronization

/// "At most `limit` posts per `interval` from one client": a sliding window
/// per client key (an IP address), on an injected clock.
///
/// Memory stays bounded: when more than `maxClients` keys are tracked, the
/// keys whose last post is older than the window are forgotten first, then the
/// oldest.
///
/// ```swift
/// let limiter = ClientRateLimiter(spec: try RateLimitSpec(parsing: "10/1m"), clock: clock)
/// if let wait = limiter.admit("203.0.113.9") { /* 429, Retry-After: wait */ }
/// ```
final class ClientRateLimiter: Sendable {
    let spec: RateLimitSpec
    private let clock: any KontorClock
    private let maxClients: Int
    private let windows = Mutex<[String: [Double]]>([:])

    init(spec: RateLimitSpec, clock: any KontorClock, maxClients: Int = 10_000) {
        self.spec = spec
        self.clock = clock
        self.maxClients = max(1, maxClients)
    }

    /// Counts a post from `client`; `nil` when it is allowed, else the whole
    /// seconds to wait before the next post fits (at least 1).
    func admit(_ client: String) -> Int? {
        let now = clock.now.timeIntervalSince1970
        let interval = spec.interval
        let limit = spec.limit
        return windows.withLock { windows -> Int? in
            var times = (windows[client] ?? []).filter { $0 > now - interval }
            if times.count >= limit {
                windows[client] = times
                return max(1, Int((times[times.count - limit] + interval - now).rounded(.up)))
            }
            times.append(now)
            windows[client] = times
            if windows.count > maxClients { Self.prune(&windows, before: now - interval, keep: maxClients) }
            return nil
        }
    }

    private static func prune(_ windows: inout [String: [Double]], before cutoff: Double, keep: Int) {
        windows = windows.filter { ($0.value.last ?? 0) > cutoff }
        guard windows.count > keep else { return }
        let newest = windows.sorted { ($0.value.last ?? 0) > ($1.value.last ?? 0) }.prefix(keep)
        windows = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}
