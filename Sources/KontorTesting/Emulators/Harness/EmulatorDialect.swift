/// How one API speaks: its credential check, its error bodies, its throttling and its rate limits.
///
/// Each emulator implements one; ``EmulatorHost`` applies it around every handler, so faults injected
/// by a ``FaultPlan`` look exactly like the API's own errors.
public protocol EmulatorDialect: Sendable {
    /// Nil when the request carries a valid credential, else the API's rejection.
    func authenticate(_ request: EmulatorRequest) -> EmulatorReply?
    /// The API's answer to a bad credential (also used for the `.unauthorized` fault).
    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply
    /// The API's throttling answer (also used for the `.rateLimited` fault).
    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply
    /// The API's answer for a server error with `status`.
    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply
    /// Counts the request against the API's limits: headers to add, or a throttling answer.
    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission
    /// Adds headers every response of the API carries.
    func decorate(_ reply: inout EmulatorReply, request: EmulatorRequest, endpoint: String)
}

/// The outcome of counting a request against an API's rate limits.
public enum Admission: Sendable {
    /// Within limits; add these headers (e.g. `X-Shopify-Shop-Api-Call-Limit: 3/40`).
    case admitted(headers: [(String, String)])
    /// Over the limit; send this throttling answer.
    case throttled(EmulatorReply)
}

extension EmulatorDialect {
    public func admit(_ request: EmulatorRequest, endpoint: String) -> Admission { .admitted(headers: []) }
    public func decorate(_ reply: inout EmulatorReply, request: EmulatorRequest, endpoint: String) {}
}
