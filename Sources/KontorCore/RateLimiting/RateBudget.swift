import Foundation

/// The request budget of one rate-limited route: several limits at once
/// (`["10/1s", "150/1m"]`, all must allow), penalties demanded by the server,
/// and an adaptive slow-down after `429`s. A pure state machine: time comes in
/// as `now`, and it answers with the time the next request may go.
///
/// Each limit is a sliding window, exact: at most `limit` requests in **any**
/// `interval` (unlike a token bucket, which lets nearly twice that through
/// across a refill). Requests leave in the order they were reserved.
///
/// After a 429, ``recordRateLimited()`` halves the allowed rate (down to
/// ``minimumFactor``); each success wins back ``recoveryPerSuccess`` of it.
///
/// ```swift
/// var budget = RateBudget(limits: [try RateLimitSpec(parsing: "2/1s")])
/// let at = budget.reserve(now: clock.now)   // when this request may go
/// try await clock.sleep(until: at)
/// ```
public struct RateBudget: Sendable, Equatable {
    public let limits: [RateLimitSpec]
    /// The lowest the slow-down factor goes (1/8 of the configured rate by default).
    public var minimumFactor: Double
    /// How much of the configured rate each success wins back after a slow-down.
    public var recoveryPerSuccess: Double
    /// The share of each limit currently allowed: 1 normally, 0.5 after one 429, …
    public private(set) var factor: Double = 1
    /// No request before this time (a server's `Retry-After`).
    public private(set) var blockedUntil: Date?

    private var windows: [SlidingWindow]
    private var lastReservation: Double?

    public init(limits: [RateLimitSpec], minimumFactor: Double = 0.125, recoveryPerSuccess: Double = 0.02) {
        self.limits = limits
        self.minimumFactor = min(1, max(0.001, minimumFactor))
        self.recoveryPerSuccess = max(0, recoveryPerSuccess)
        windows = limits.map { SlidingWindow(capacity: $0.limit) }
    }

    /// The earliest time, not before `now`, at which every limit allows one more request.
    public func earliest(now: Date) -> Date {
        var time = now.timeIntervalSinceReferenceDate
        if let blockedUntil { time = max(time, blockedUntil.timeIntervalSinceReferenceDate) }
        if let lastReservation { time = max(time, lastReservation) }
        for (window, spec) in zip(windows, limits) {
            let allowed = allowed(spec)
            // Small limits cannot shrink below one request; their window stretches instead.
            let stretched = spec.interval * Double(allowed) / (Double(spec.limit) * factor)
            time = max(time, window.earliest(allowed: allowed, interval: max(spec.interval, stretched)))
        }
        return Date(timeIntervalSinceReferenceDate: time)
    }

    /// Records a request made at `time` (at or after ``earliest(now:)``).
    /// Used when several budgets apply: reserve at the latest of their earliest times.
    public mutating func commit(at time: Date) {
        var seconds = time.timeIntervalSinceReferenceDate
        if let lastReservation { seconds = max(seconds, lastReservation) }
        for index in windows.indices { windows[index].append(seconds) }
        lastReservation = seconds
    }

    /// Reserves the next request: the earliest time it may go, recorded as used.
    public mutating func reserve(now: Date) -> Date {
        let time = earliest(now: now)
        commit(at: time)
        return time
    }

    /// No request before `until` (e.g. `now + Retry-After`); a later penalty extends an earlier one.
    public mutating func penalize(until: Date) {
        blockedUntil = max(blockedUntil ?? until, until)
    }

    /// A 429 arrived: halve the allowed rate, down to ``minimumFactor``.
    public mutating func recordRateLimited() {
        factor = max(minimumFactor, factor / 2)
    }

    /// A request succeeded: win back ``recoveryPerSuccess`` of the configured rate.
    public mutating func recordSuccess() {
        factor = min(1, factor + recoveryPerSuccess)
    }

    /// The requests `spec` currently allows per interval: its limit scaled by the
    /// slow-down, at least 1 (a limit of 1 is slowed down by a longer window instead).
    public func allowed(_ spec: RateLimitSpec) -> Int {
        max(1, Int((Double(spec.limit) * factor).rounded(.down)))
    }
}
