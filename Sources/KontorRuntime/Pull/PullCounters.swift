import Foundation
import Synchronization

/// Counts shared by the tasks of one run (the request executor reports
/// waits and retries from inside its loop).
final class PullCounters: Sendable {
    private let state = Mutex<[String: PullResult.StreamCounts]>([:])

    func update(_ stream: String, _ change: (inout PullResult.StreamCounts) -> Void) {
        state.withLock { counts in change(&counts[stream, default: PullResult.StreamCounts()]) }
    }

    var snapshot: [String: PullResult.StreamCounts] { state.withLock { $0 } }
}
