import Foundation
import KontorCore
import Synchronization

/// A clock tests move by hand. `sleep` returns at once, moving time to the deadline and recording
/// how long was asked for, so injected delays are observable without waiting.
final class SteppingClock: KontorClock {
    private let state: Mutex<(now: Date, sleeps: [TimeInterval])>

    init(now: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        state = Mutex((now, []))
    }

    var now: Date { state.withLock { $0.now } }
    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }

    func advance(by seconds: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(seconds) }
    }

    func sleep(until deadline: Date) async throws {
        state.withLock { state in
            state.sleeps.append(deadline.timeIntervalSince(state.now))
            state.now = max(state.now, deadline)
        }
    }
}
