import Foundation
import Synchronization

/// The hidden `--hold-after-batches` (`profiles build`) and `--hold-after-rounds` (`activate`) of
/// crash tests: counts committed batches or settled rounds and, at the given count, says `holding`
/// on stdout and blocks this process until it is killed.
final class BatchHold: Sendable {
    private let after: Int?
    private let count = Mutex(0)

    init(after: Int?) { self.after = after }

    func committed() {
        guard let after else { return }
        let reached = count.withLock { count in
            count += 1
            return count == after
        }
        guard reached else { return }
        ProgressLine.write("holding")
        while true { sleep(3_600) }
    }
}
