import Foundation
import KontorCore

/// A website endpoint emulating what Kontor's `webhook` destination pushes to: it verifies the
/// `X-Kontor-Signature` (`sha256=` + hex HMAC-SHA256 of `"<X-Kontor-Timestamp>.<body>"`), records every
/// delivery, and keeps the audience the pushes describe.
///
/// Bodies: `{"mode": "add|update|upsert|mirror|remove", "records": [{"id", …}]}` (records are put,
/// or removed for `remove`) and `{"event": "erase", "id", …}`. Records refused by
/// ``DestinationKnobs/reject(_:reason:)`` (by `id`) are answered in `errors: [{"id","message"}]`
/// next to `received`, with status 200; the others apply. Endpoint name: `deliveries`.
public final class WebhookReceiverEmulator: DestinationEmulator {
    public let configuration: WebhookReceiverConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    /// What the receiver was sent: records by id, deliveries, erasures.
    public let inbox: WebhookInbox
    private let dialect: WebhookReceiverDialect

    private init(
        configuration: WebhookReceiverConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs,
        inbox: WebhookInbox, dialect: WebhookReceiverDialect
    ) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.inbox = inbox
        self.dialect = dialect
    }

    /// The URL to configure as the webhook destination's `url`.
    public var url: String { baseURL.absoluteString + configuration.path }
    /// Records by `id`, as last pushed.
    public var records: MemberStore<JSONValue> { inbox.records }
    /// Requests refused for a missing, stale or wrong signature (a correct sender leaves it 0).
    public var signatureFailures: Int { dialect.signatureFailures.withLock { $0 } }

    /// The headers a correct sender attaches to `body` at `timestamp` (for tests that post by hand).
    public func signedHeaders(body: [UInt8], timestamp: Int) -> [String: String] {
        var headers = ["Content-Type": "application/json"]
        let stamp = configuration.timestampHeader.map { _ in String(timestamp) }
        if let name = configuration.timestampHeader { headers[name] = String(timestamp) }
        headers[configuration.signatureHeader] = WebhookReceiverDialect.signature(body: body, timestamp: stamp, configuration: configuration)
        return headers
    }

    /// The `config` of a `webhook` destination for this receiver.
    public var pluginConfig: JSONValue {
        ["url": .string(url), "secret": .string(configuration.secret)]
    }

    /// Starts the receiver; `clock` checks timestamps and drives the rate window (the wall clock when nil).
    public static func start(configuration: WebhookReceiverConfiguration = WebhookReceiverConfiguration(), clock: (any KontorClock)? = nil) async throws -> WebhookReceiverEmulator {
        let resolved: any KontorClock = clock ?? WallClock()
        let dialect = WebhookReceiverDialect(configuration: configuration, clock: resolved)
        let host = EmulatorHost(dialect: dialect, clock: resolved)
        let knobs = DestinationKnobs()
        let inbox = WebhookInbox(configuration: configuration, knobs: knobs, log: host.log)
        let endpoint = EmulatorEndpoint("POST", configuration.path, name: "deliveries") { try inbox.receive($0) }
        let wrapped = DestinationRoutes(knobs: knobs, clock: resolved, dialect: dialect).wrap([endpoint])
        let server = try await host.serve(wrapped, name: "webhook-receiver")
        return WebhookReceiverEmulator(configuration: configuration, host: host, server: server, knobs: knobs, inbox: inbox, dialect: dialect)
    }
}
