import Foundation
import KontorCore

/// An emulated Brevo (ex-Sendinblue) v3 account on loopback, per `api_facts.md` §10.
///
/// Serves `POST /v3/contacts/import` (`jsonBody` ≤ 10 MB, `listIds` or `newList`, 202 `{processId}`),
/// `POST /v3/contacts/lists/{id}/contacts/add|remove` (≤ 150 `emails`/`ids`/`extIds`, 201 with
/// `contacts.success`/`failure`), `POST /v3/contacts`, `GET`/`DELETE /v3/contacts/{identifier}` and
/// `GET /v3/contacts/lists/{id}`. `api-key` header; `{"code","message"}` errors; a per-endpoint
/// window with `x-sib-ratelimit-*` headers and 429 beyond.
///
/// Endpoint names: `list`, `list_add`, `list_remove`, `import`, `contact_create`, `contact`,
/// `contact_delete`. ``DestinationKnobs/reject(_:reason:)`` takes e-mails: imports skip them, list
/// calls put them in `failure`, `POST /v3/contacts` answers 400.
public final class BrevoEmulator: DestinationEmulator {
    public let configuration: BrevoConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    public let account: BrevoAccount

    private init(configuration: BrevoConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs, account: BrevoAccount) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.account = account
    }

    /// `http://127.0.0.1:<port>/v3/` (Brevo's `https://api.brevo.com/v3/`).
    public var apiBaseURL: String { baseURL.absoluteString + "/v3/" }

    /// The `config` of a `brevo` destination for this emulator.
    public var pluginConfig: JSONValue {
        ["api_key": .string(configuration.apiKey), "list_id": .int(configuration.listIDs.first ?? 0), "base_url": .string(apiBaseURL)]
    }

    /// Starts the emulator; `clock` drives the rate window and injected delays (the wall clock when nil).
    public static func start(configuration: BrevoConfiguration = BrevoConfiguration(), clock: (any KontorClock)? = nil) async throws -> BrevoEmulator {
        let dialect = BrevoDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        let account = BrevoAccount(listIDs: configuration.listIDs)
        let routes = BrevoRoutes(configuration: configuration, account: account, knobs: knobs, log: host.log)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "brevo")
        return BrevoEmulator(configuration: configuration, host: host, server: server, knobs: knobs, account: account)
    }
}
