import Synchronization

/// The waiting room of the ``GroupCommitWriter``: requests put their appends
/// in, the writer takes out everything that arrived while it was committing.
///
/// A `Mutex` guards the list; the writer parks on a continuation when the list
/// is empty and the next `put` wakes it.
final class CommitQueue: Sendable {
    private struct State {
        var pending: [PendingAppend] = []
        var waiter: CheckedContinuation<Void, Never>?
        var closed = false
    }

    private let state = Mutex(State())

    /// Queues `append`; `false` when the queue is closed (the writer is shutting down).
    func put(_ append: PendingAppend) -> Bool {
        let (accepted, waiter): (Bool, CheckedContinuation<Void, Never>?) = state.withLock { state in
            guard !state.closed else { return (false, nil) }
            state.pending.append(append)
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        waiter?.resume()
        return accepted
    }

    /// Refuses further appends and wakes the writer so it can drain what is queued.
    func close() {
        let waiter = state.withLock { state in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// The next group: queued appends in arrival order, whole requests only, up to
    /// `maxMessages` (always at least one request). Waits while the queue is empty;
    /// `nil` once it is closed and empty.
    func next(maxMessages: Int) async -> [PendingAppend]? {
        while true {
            enum Step { case group([PendingAppend]), wait, finished }
            let step: Step = state.withLock { state in
                guard !state.pending.isEmpty else { return state.closed ? .finished : .wait }
                var count = 0
                var taken = 0
                for append in state.pending {
                    if taken > 0 && count + append.messages.count > maxMessages { break }
                    count += append.messages.count
                    taken += 1
                }
                let group = Array(state.pending.prefix(taken))
                state.pending.removeFirst(taken)
                return .group(group)
            }
            switch step {
            case .group(let group): return group
            case .finished: return nil
            case .wait:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state in
                        guard state.pending.isEmpty && !state.closed else { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
        }
    }
}
