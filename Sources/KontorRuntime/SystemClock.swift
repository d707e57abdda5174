import Foundation
import KontorCore

/// The real clock: `now` is the wall clock, `sleep` suspends the task.
///
/// The only `KontorClock` that reads the wall clock; Core code never does.
/// Tests use `ManualClock` from `KontorTesting` instead.
public struct SystemClock: KontorClock {
    public init() {}

    public var now: Date { Date() }

    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        guard interval > 0 else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(for: .seconds(interval))
    }
}
