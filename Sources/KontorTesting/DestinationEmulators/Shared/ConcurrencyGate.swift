import Synchronization

/// Counts requests in flight against a cap (Mailchimp's 10 simultaneous connections).
///
/// The dialect's `admit` calls ``enter()``; the endpoint wrapper calls ``leave()`` when the handler ends,
/// so a slot is held exactly while a request is being served.
final class ConcurrencyGate: Sendable {
    private struct State {
        var inFlight = 0
        var peak = 0
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot when one is free.
    func enter() -> Bool {
        state.withLock { state in
            guard state.inFlight < limit else { return false }
            state.inFlight += 1
            state.peak = max(state.peak, state.inFlight)
            return true
        }
    }

    /// Gives a slot back.
    func leave() {
        state.withLock { $0.inFlight = max(0, $0.inFlight - 1) }
    }

    /// The most requests served at once so far.
    var peak: Int { state.withLock { $0.peak } }
}
