import Foundation
import KontorCore

/// An emulated Meta Marketing API custom-audience endpoint on loopback, per `api_facts.md` §12.
///
/// Serves `POST /{v}/{audience_id}/users` (add), `DELETE /{v}/{audience_id}/users` (remove) and
/// `POST /{v}/{audience_id}/usersreplace` (replace sessions), with `payload: {schema, data}` as JSON,
/// form fields or query (values may be JSON text). At most 10,000 rows per request (above: Graph
/// error 100 and a violation). Hashed keys must be lower-case 64-hex SHA-256 (MADID and EXTERN_ID in
/// clear); other rows count in `num_invalid_entries` with `invalid_entry_samples` by row position.
/// Throttling is Graph error 80003 on HTTP 400 with `X-Business-Use-Case-Usage`, not 429.
///
/// Endpoint names: `audience`, `users_add`, `users_remove`, `users_replace`.
/// ``DestinationKnobs/reject(_:reason:)`` takes any identifier value (a hash) and makes its rows invalid entries.
public final class MetaAudienceEmulator: DestinationEmulator {
    public let configuration: MetaAudienceConfiguration
    public let host: EmulatorHost
    public let server: EmulatorServer
    public let knobs: DestinationKnobs
    /// The audiences by id.
    public let audiences: [String: MetaAudience]

    private init(configuration: MetaAudienceConfiguration, host: EmulatorHost, server: EmulatorServer, knobs: DestinationKnobs, audiences: [String: MetaAudience]) {
        self.configuration = configuration
        self.host = host
        self.server = server
        self.knobs = knobs
        self.audiences = audiences
    }

    /// The first configured audience.
    public var audience: MetaAudience { audiences[configuration.audienceIDs.first ?? ""] ?? MetaAudience(id: "") }

    /// `http://127.0.0.1:<port>/v26.0/` (Graph's `https://graph.facebook.com/v26.0/`).
    public func apiBaseURL(version: String = "v26.0") -> String { baseURL.absoluteString + "/\(version)/" }

    /// The `config` of a `meta_custom_audiences` destination for this emulator.
    public var pluginConfig: JSONValue {
        [
            "access_token": .string(configuration.accessToken), "audience_id": .string(configuration.audienceIDs.first ?? ""),
            "api_version": "v26.0", "base_url": .string(baseURL.absoluteString + "/"),
        ]
    }

    /// Starts the emulator; `clock` drives the call window and injected delays (the wall clock when nil).
    public static func start(
        configuration: MetaAudienceConfiguration = MetaAudienceConfiguration(), clock: (any KontorClock)? = nil
    ) async throws -> MetaAudienceEmulator {
        let dialect = MetaAudienceDialect(configuration: configuration)
        let host = EmulatorHost(dialect: dialect, clock: clock)
        let knobs = DestinationKnobs()
        var audiences: [String: MetaAudience] = [:]
        for id in configuration.audienceIDs { audiences[id] = MetaAudience(id: id) }
        let routes = MetaAudienceRoutes(configuration: configuration, audiences: audiences, dialect: dialect, knobs: knobs, log: host.log)
        let wrapped = DestinationRoutes(knobs: knobs, clock: host.clock, dialect: dialect).wrap(routes.endpoints)
        let server = try await host.serve(wrapped, name: "meta-audiences")
        return MetaAudienceEmulator(configuration: configuration, host: host, server: server, knobs: knobs, audiences: audiences)
    }
}
