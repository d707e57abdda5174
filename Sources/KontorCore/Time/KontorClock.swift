import Foundation

/// The time source every scheduler, delivery worker and retry loop is given,
/// so that Core never reads the wall clock and tests never sleep.
///
/// The runtime injects `SystemClock` (in `KontorRuntime`); tests inject
/// `ManualClock` (in `KontorTesting`) and move time forward by hand:
///
/// ```swift
/// let clock = ManualClock(now: Date(timeIntervalSince1970: 0))
/// async let woke: Void = clock.sleep(for: 30)
/// await clock.advance(by: 30)   // wakes the sleeper
/// ```
///
/// It is named `KontorClock` rather than `Clock` so that it does not shadow the
/// standard library's `Clock` protocol, which measures instants rather than dates.
public protocol KontorClock: Sendable {
    /// The current time.
    var now: Date { get }

    /// Suspends until `deadline` has been reached; returns at once when it already has.
    ///
    /// Throws `CancellationError` when the calling task is cancelled while waiting.
    func sleep(until deadline: Date) async throws
}

extension KontorClock {
    /// Suspends for `interval` seconds from `now` (no wait for zero or negative intervals).
    public func sleep(for interval: TimeInterval) async throws {
        try await sleep(until: now.addingTimeInterval(interval))
    }
}
