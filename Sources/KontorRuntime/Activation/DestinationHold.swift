import Foundation
import Synchronization

/// A pause a destination demanded (`Retry-After` on a 429 or 503): until it ends, its
/// worker sends nothing, and the jobs it hands back are due no sooner.
///
/// Kept in memory by the worker; the jobs of the refused batch carry the same wait in
/// their durable due time, so a restart does not break it for them.
public final class DestinationHold: Sendable {
    private let end = Mutex<Date?>(nil)
    private let failing = Mutex(false)

    public init() {}

    /// Whether the destination's last answer was a failure as a whole (5xx, 429, unreachable):
    /// the next round then sends one batch as a probe before it sends more.
    public var isFailing: Bool { failing.withLock { $0 } }

    /// Records whether the destination just failed as a whole or answered.
    public func record(failed: Bool) {
        failing.withLock { $0 = failed }
    }

    /// The end of the pause, if one is set (it may lie in the past).
    public var until: Date? { end.withLock { $0 } }

    /// Whether the destination is paused at `now`.
    public func isHolding(at now: Date) -> Bool {
        until.map { $0 > now } ?? false
    }

    /// Pauses until `date`, or keeps a longer pause already set.
    public func extend(until date: Date) {
        end.withLock { $0 = max($0 ?? date, date) }
    }
}
