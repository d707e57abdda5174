import Foundation
import KontorCore

/// Wraps a destination's endpoints with its ``DestinationKnobs``: an outage answers with the API's
/// server error, `latency` delays the answer on the emulator's clock, and a concurrency slot taken
/// by the dialect's `admit` is given back when the handler ends.
struct DestinationRoutes {
    let knobs: DestinationKnobs
    let clock: any KontorClock
    let dialect: any EmulatorDialect
    var gate: ConcurrencyGate?

    func wrap(_ endpoints: [EmulatorEndpoint]) -> [EmulatorEndpoint] {
        endpoints.map { endpoint in
            var wrapped = endpoint
            let handler = endpoint.handler
            wrapped.handler = { [knobs, clock, dialect, gate] request in
                defer { gate?.leave() }
                if let status = knobs.outageStatus {
                    throw EmulatorRejection(dialect.serverErrorReply(status: status, request: request))
                }
                let latency = knobs.latency
                if latency > 0 { try await clock.sleep(for: latency) }
                return try await handler(request)
            }
            return wrapped
        }
    }
}

/// A documented maximum number of items per request (Mailchimp 500, Meta 10,000, Brevo 150…).
struct BatchLimit {
    var maximum: Int
    var endpoint: String

    /// Throws the API's `rejection` and records a `.contract` violation when `count` is above the maximum.
    func check(_ count: Int, log: RequestLog, rejection: () -> EmulatorReply) throws(EmulatorRejection) {
        guard count > maximum else { return }
        let violation = LimitViolation(.contract, endpoint: endpoint, detail: "batch of \(count) > \(maximum)")
        throw EmulatorRejection(rejection(), violation: violation)
    }
}

/// A documented maximum body size (Klaviyo 5 MB, Brevo 10 MB).
struct BodyLimit {
    var maximumBytes: Int
    var endpoint: String

    func check(_ body: [UInt8], rejection: () -> EmulatorReply) throws(EmulatorRejection) {
        guard body.count > maximumBytes else { return }
        let violation = LimitViolation(.contract, endpoint: endpoint, detail: "body of \(body.count) bytes > \(maximumBytes)")
        throw EmulatorRejection(rejection(), violation: violation)
    }
}
