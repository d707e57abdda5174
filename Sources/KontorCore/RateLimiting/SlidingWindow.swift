/// The times of the last `capacity` requests under one limit, oldest first,
/// in a ring buffer: enough to know exactly when the next request fits.
struct SlidingWindow: Sendable, Equatable {
    private var times: [Double]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) {
        times = Array(repeating: 0, count: max(1, capacity))
    }

    var capacity: Int { times.count }

    /// The earliest time a request may go when at most `allowed` requests may
    /// fall in any window of `interval` seconds: `interval` after the
    /// `allowed`-th most recent one (`-infinity` while fewer were made).
    func earliest(allowed: Int, interval: Double) -> Double {
        let allowed = min(max(1, allowed), capacity)
        guard count >= allowed else { return -.infinity }
        return times[(head + count - allowed) % capacity] + interval
    }

    /// Records a request at `time` (not earlier than the last one).
    mutating func append(_ time: Double) {
        if count < capacity {
            times[(head + count) % capacity] = time
            count += 1
        } else {
            times[head] = time
            head = (head + 1) % capacity
        }
    }
}
