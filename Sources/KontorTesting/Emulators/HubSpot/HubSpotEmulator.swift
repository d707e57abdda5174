import Foundation
import KontorCore

/// An emulated HubSpot portal (CRM v3 contacts) on loopback, per `api_facts.md` §3.
///
/// Serves `GET /crm/v3/objects/contacts` (`limit` ≤ 100, `after`, `properties`, `archived`),
/// `GET /crm/v3/objects/contacts/{id}` (`idProperty=email`) and `POST /crm/v3/objects/contacts/search`
/// (filterGroups with every documented operator, `sorts`, `limit` ≤ 200, offset `after`, the
/// 10,000-result window), with bearer auth, `X-HubSpot-RateLimit-*` headers, rolling ten-secondly,
/// daily and search limits, and 429 bodies carrying `policyName`.
public final class HubSpotEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: HubSpotConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>` (HubSpot's `https://api.hubapi.com`).
    public var baseURL: URL { server.baseURL }

    private init(configuration: HubSpotConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives the rate limits and injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: HubSpotConfiguration = HubSpotConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> HubSpotEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: HubSpotDialect(configuration: configuration), clock: clock)
        let routes = HubSpotRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "hubspot")
        return HubSpotEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
