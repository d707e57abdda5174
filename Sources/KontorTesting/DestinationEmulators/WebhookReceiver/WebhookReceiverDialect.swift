import Foundation
import KontorCore
import Synchronization

/// A website endpoint receiving Kontor's webhook pushes: verifies the HMAC-SHA256 signature (and the
/// timestamp's freshness), answers `{"error"}` bodies, and optionally limits the request rate.
final class WebhookReceiverDialect: EmulatorDialect {
    let configuration: WebhookReceiverConfiguration
    let clock: any KontorClock
    private let window: Mutex<SlidingWindow>
    let signatureFailures = Mutex(0)

    init(configuration: WebhookReceiverConfiguration, clock: any KontorClock) {
        self.configuration = configuration
        self.clock = clock
        window = Mutex(SlidingWindow(limit: configuration.requestsPerSecond ?? Int.max, window: 1))
    }

    static func error(_ message: String, status: Int) -> EmulatorReply {
        .json(["error": .string(message)], status: status)
    }

    /// `prefix + hex(HMAC-SHA256(secret, "<timestamp>.<body>"))` (or over the body alone without a timestamp header).
    static func signature(body: [UInt8], timestamp: String?, configuration: WebhookReceiverConfiguration) -> String {
        let signed = timestamp.map { Array("\($0).".utf8) + body } ?? body
        return configuration.prefix + WebhookSigner.hex(body: signed, secret: configuration.secret)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        var timestamp: String?
        if let name = configuration.timestampHeader {
            guard let value = request.header(name), let seconds = Double(value) else { return reject("missing or malformed \(name)") }
            if let tolerance = configuration.tolerance, abs(clock.now.timeIntervalSince1970 - seconds) > tolerance {
                return reject("timestamp outside the tolerance of \(Int(tolerance)) s")
            }
            timestamp = value
        }
        guard let sent = request.header(configuration.signatureHeader) else { return reject("missing \(configuration.signatureHeader)") }
        let expected = Self.signature(body: request.body, timestamp: timestamp, configuration: configuration)
        guard Self.constantTimeEqual(Array(sent.utf8), Array(expected.utf8)) else { return reject("signature mismatch") }
        return nil
    }

    private func reject(_ reason: String) -> EmulatorReply {
        signatureFailures.withLock { $0 += 1 }
        return Self.error("invalid signature: \(reason)", status: 401)
    }

    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("invalid signature", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        var reply = Self.error("too many requests", status: 429)
        reply.addHeader("Retry-After", String(configuration.retryAfterSeconds))
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("server error", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        guard configuration.requestsPerSecond != nil else { return .admitted(headers: []) }
        return window.withLock { $0.take(at: request.receivedAt).admitted } ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }
}
