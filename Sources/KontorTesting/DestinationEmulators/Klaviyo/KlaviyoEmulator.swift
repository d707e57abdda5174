import Foundation
import KontorCore

/// An emulated Klaviyo account (JSON:API) on loopback, per `api_facts.md` §9.
///
/// Serves `POST /api/profile-bulk-import-jobs` (≤ 10,000 profiles, 5 MB, 202 + job; poll
/// `GET …/{id}` and `GET …/{id}/import-errors`), `POST`/`DELETE /api/lists/{id}/relationships/profiles`
/// (≤ 1,000 profile ids, 204), `GET /api/lists/{id}` and `POST /api/data-privacy-deletion-jobs`.
/// `Authorization: Klaviyo-API-Key …`; a `revision: YYYY-MM-DD` header is required on every call
/// (400 and a violation without). Burst (1 s) and steady (1 min) windows per endpoint, `RateLimit-*`
/// headers, 429 with an integer `Retry-After`.
///
/// Endpoint names: `list`, `list_add`, `list_remove`, `profile_import`, `profile_import_job`,
/// `profile_import_errors`, `deletion`. ``DestinationKnobs/reject(_:reason:)`` takes an email,
/// phone number or external id; such profiles become import errors.
public final class KlaviyoEmulator: DestinationEmulator {
    public let configuration: KlaviyoConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    public let account: KlaviyoAccount

    private init(configuration: KlaviyoConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs, account: KlaviyoAccount) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.account = account
    }

    /// `http://127.0.0.1:<port>/api/` (Klaviyo's `https://a.klaviyo.com/api/`).
    public var apiBaseURL: String { baseURL.absoluteString + "/api/" }

    /// The `config` of a `klaviyo` destination for this emulator.
    public var pluginConfig: JSONValue {
        ["api_key": .string(configuration.apiKey), "list_id": .string(configuration.listIDs.first ?? ""), "base_url": .string(apiBaseURL)]
    }

    /// Starts the emulator; `clock` drives the rate windows and injected delays (the wall clock when nil).
    public static func start(configuration: KlaviyoConfiguration = KlaviyoConfiguration(), clock: (any KontorClock)? = nil) async throws -> KlaviyoEmulator {
        let dialect = KlaviyoDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        let account = KlaviyoAccount(listIDs: configuration.listIDs)
        let routes = KlaviyoRoutes(configuration: configuration, account: account, knobs: knobs, log: host.log)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "klaviyo")
        return KlaviyoEmulator(configuration: configuration, host: host, server: server, knobs: knobs, account: account)
    }
}
