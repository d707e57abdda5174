import Foundation
import KontorCore
import KontorTesting
import Synchronization

/// A `ManualClock` that, when the code under test sleeps, records the wait and
/// advances the manual clock to the deadline at once: waits are asserted, never slept.
final class RecordingClock: KontorClock {
    let manual: ManualClock
    private let recorded = Mutex<[TimeInterval]>([])

    init(now: Date) {
        manual = ManualClock(now: now)
    }

    var now: Date { manual.now }
    var waits: [TimeInterval] { recorded.withLock { $0 } }

    func sleep(until deadline: Date) async throws {
        let wait = deadline.timeIntervalSince(manual.now)
        guard wait > 0 else { return }
        recorded.withLock { $0.append(wait) }
        manual.advance(to: deadline)
        try await manual.sleep(until: deadline)
    }
}
