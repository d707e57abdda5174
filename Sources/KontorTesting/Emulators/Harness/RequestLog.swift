import Synchronization

/// One request an emulator answered.
public struct LoggedRequest: Sendable, Hashable {
    /// 1-based arrival number across all endpoints of the emulator.
    public var number: Int
    public var method: String
    /// The path with its query string, as received.
    public var target: String
    /// The endpoint name (e.g. `"customers"`).
    public var endpoint: String
    /// The status sent.
    public var status: Int
    /// The injected fault, if one was.
    public var fault: Fault?
    /// Whether the answer was the API's throttling response.
    public var throttled: Bool
}

/// What an emulator served, for tests to assert on; thread-safe.
///
/// ```swift
/// XCTAssertEqual(shopify.log.requestsServed, 5)
/// XCTAssertEqual(shopify.log.throttledResponses, 1)
/// XCTAssertTrue(shopify.log.violations.isEmpty)
/// ```
public final class RequestLog: Sendable {
    private struct State {
        var entries: [LoggedRequest] = []
        var violations: [LimitViolation] = []
        var arrivals = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Every answered request, in arrival order.
    public var entries: [LoggedRequest] { state.withLock { $0.entries } }
    /// The number of requests answered (any status).
    public var requestsServed: Int { state.withLock { $0.entries.count } }
    /// Throttling responses sent, by the emulated limits or by an injected `.rateLimited` fault
    /// (Shopify/HubSpot/Typeform/SurveyMonkey 429, Meta's Graph code 4/17/32/613, Salesforce `REQUEST_LIMIT_EXCEEDED`).
    public var throttledResponses: Int { state.withLock { $0.entries.filter(\.throttled).count } }
    /// Responses carrying an injected fault.
    public var faultsInjected: Int { state.withLock { $0.entries.filter { $0.fault != nil }.count } }
    /// Documented limits the client broke.
    public var violations: [LimitViolation] { state.withLock { $0.violations } }

    /// Requests answered on one endpoint.
    public func count(endpoint: String) -> Int {
        state.withLock { $0.entries.filter { $0.endpoint == endpoint }.count }
    }

    /// Requests answered with one status.
    public func count(status: Int) -> Int {
        state.withLock { $0.entries.filter { $0.status == status }.count }
    }

    /// Forgets everything recorded so far (the arrival numbering restarts too).
    public func reset() {
        state.withLock { $0 = State() }
    }

    func arrive() -> Int {
        state.withLock { state in
            state.arrivals += 1
            return state.arrivals
        }
    }

    func record(_ entry: LoggedRequest) {
        state.withLock { $0.entries.append(entry) }
    }

    func record(_ violation: LimitViolation) {
        state.withLock { $0.violations.append(violation) }
    }
}
