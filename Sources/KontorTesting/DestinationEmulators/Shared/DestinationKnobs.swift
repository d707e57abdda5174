import Foundation
import Synchronization

/// Misbehaviour a destination emulator adds on top of its ``FaultPlan``: an outage, records the API
/// refuses for good, and processing time per request.
///
/// ```swift
/// mailchimp.knobs.beginOutage()                          // every request: the API's 503
/// mailchimp.knobs.reject("bad@example.com", reason: "looks fake or invalid")
/// mailchimp.knobs.latency = 0.02                         // 20 ms per request, so concurrency shows
/// ```
///
/// Record keys are compared lower-cased; each emulator documents which value it checks (the e-mail,
/// a hash, a record id).
public final class DestinationKnobs: Sendable {
    private struct State {
        var outage: Int?
        var rejected: [String: String] = [:]
        var latency: TimeInterval = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// While set, every request is answered with the API's server error of this status.
    public var outageStatus: Int? { state.withLock { $0.outage } }

    /// The destination goes down: every request gets the API's error with `status` (no state changes).
    public func beginOutage(status: Int = 503) {
        state.withLock { $0.outage = status }
    }

    /// The destination is back.
    public func endOutage() {
        state.withLock { $0.outage = nil }
    }

    /// The API refuses this record for good (a permanent 400 or the API's per-record failure).
    public func reject(_ key: String, reason: String = "Invalid Resource") {
        state.withLock { $0.rejected[key.lowercased()] = reason }
    }

    /// Stops refusing a record (the data was fixed), e.g. before `kontor queue replay`.
    public func accept(_ key: String) {
        state.withLock { $0.rejected[key.lowercased()] = nil }
    }

    /// Why the API refuses `key`, or nil when it accepts it.
    public func rejection(for key: String) -> String? {
        state.withLock { $0.rejected[key.lowercased()] }
    }

    /// The first of `keys` the API refuses, with the reason.
    public func rejection(forAny keys: [String]) -> (key: String, reason: String)? {
        state.withLock { state in
            for key in keys { if let reason = state.rejected[key.lowercased()] { return (key, reason) } }
            return nil
        }
    }

    /// Seconds each request takes to process (on the emulator's clock), while it holds its connection slot.
    public var latency: TimeInterval {
        get { state.withLock { $0.latency } }
        set { state.withLock { $0.latency = newValue } }
    }
}
