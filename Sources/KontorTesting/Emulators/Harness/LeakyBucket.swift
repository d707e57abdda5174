import Foundation

/// Shopify's leaky bucket: each request adds one; the bucket drains at `leakPerSecond`; a request
/// that would overflow `capacity` is refused.
struct LeakyBucket: Sendable {
    var capacity: Double
    var leakPerSecond: Double
    private(set) var level: Double = 0
    private var updatedAt: Date?

    init(capacity: Int, leakPerSecond: Double) {
        self.capacity = Double(capacity)
        self.leakPerSecond = leakPerSecond
    }

    /// Drains to `now`, then adds one request if it fits. Returns whether it fitted and the level (rounded up).
    mutating func take(at now: Date) -> (admitted: Bool, used: Int) {
        if let updatedAt {
            level = max(0, level - max(0, now.timeIntervalSince(updatedAt)) * leakPerSecond)
        }
        updatedAt = now
        guard level + 1 <= capacity + 1e-9 else { return (false, Int(capacity)) }
        level += 1
        return (true, Int(level.rounded(.up)))
    }
}
