import Foundation

/// At most `limit` requests in any `window` seconds (a rolling window, as HubSpot's ten-secondly limit).
struct SlidingWindow: Sendable {
    var limit: Int
    var window: TimeInterval
    private var stamps: [Date] = []

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request at `now` if it fits. Returns whether it did, what remains, and seconds until a slot frees.
    mutating func take(at now: Date) -> (admitted: Bool, remaining: Int, resetAfter: TimeInterval) {
        stamps.removeAll { now.timeIntervalSince($0) >= window }
        let resetAfter = stamps.first.map { max(0, window - now.timeIntervalSince($0)) } ?? window
        guard stamps.count < limit else { return (false, 0, resetAfter) }
        stamps.append(now)
        return (true, limit - stamps.count, resetAfter)
    }

    /// What ``take(at:)`` would report at `now`, without counting a request.
    func peek(at now: Date) -> (remaining: Int, resetAfter: TimeInterval) {
        let live = stamps.filter { now.timeIntervalSince($0) < window }
        let resetAfter = live.first.map { max(0, window - now.timeIntervalSince($0)) } ?? window
        return (max(0, limit - live.count), resetAfter)
    }
}
