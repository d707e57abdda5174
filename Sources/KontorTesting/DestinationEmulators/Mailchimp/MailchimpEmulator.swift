import Foundation
import KontorCore

/// An emulated Mailchimp Marketing API v3 account on loopback, per `api_facts.md` §8.
///
/// Serves, under `/3.0/lists/{list_id}`: batch subscribe/update (`POST`, ≤ 500 members, `update_existing`,
/// 200 with `errors[]`/`error_count` for members that fail), `PUT …/members/{md5(lowercase email)}`,
/// `POST …/members` (400 "Member Exists"), archive by `DELETE …/members/{hash}`, `POST …/tags`,
/// `POST …/actions/delete-permanent` and `GET …/members`. Basic auth with any user and the API key;
/// at most 10 requests in flight (429 beyond, counted as violations); RFC 7807 error bodies.
///
/// Endpoint names for fault rules: `list`, `batch`, `members`, `member_create`, `member`, `member_upsert`,
/// `member_archive`, `member_tags`, `delete_permanent`. ``DestinationKnobs/reject(_:reason:)`` takes e-mails.
public final class MailchimpEmulator: DestinationEmulator {
    public let configuration: MailchimpConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    /// The audiences by list id.
    public let audiences: [String: MailchimpAudience]
    private let gate: ConcurrencyGate

    private init(
        configuration: MailchimpConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs,
        audiences: [String: MailchimpAudience], gate: ConcurrencyGate
    ) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.audiences = audiences
        self.gate = gate
    }

    /// The first configured audience.
    public var audience: MailchimpAudience { audiences[configuration.listIDs.first ?? ""] ?? MailchimpAudience(id: "") }

    /// The most requests that were in flight at once (≤ `maxConcurrentConnections` unless violated).
    public var peakConcurrency: Int { gate.peak }

    /// `http://127.0.0.1:<port>/3.0/` (Mailchimp's `https://{dc}.api.mailchimp.com/3.0/`).
    public var apiBaseURL: String { baseURL.absoluteString + "/3.0/" }

    /// The `config` of a `mailchimp` destination for this emulator; also set the destination's
    /// `base_url` to ``apiBaseURL`` (the plugin derives the host from the key's data centre).
    public var pluginConfig: JSONValue {
        ["api_key": .string(configuration.apiKey), "list_id": .string(configuration.listIDs.first ?? "")]
    }

    /// Starts the emulator; `clock` drives injected delays and `knobs.latency` (the wall clock when nil).
    public static func start(
        configuration: MailchimpConfiguration = MailchimpConfiguration(), clock: (any KontorClock)? = nil
    ) async throws -> MailchimpEmulator {
        let dialect = MailchimpDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        var audiences: [String: MailchimpAudience] = [:]
        for id in configuration.listIDs { audiences[id] = MailchimpAudience(id: id) }
        let routes = MailchimpRoutes(configuration: configuration, audiences: audiences, knobs: knobs, log: host.log)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect, gate: dialect.gate).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "mailchimp")
        return MailchimpEmulator(configuration: configuration, host: host, server: server, knobs: knobs, audiences: audiences, gate: dialect.gate)
    }
}
