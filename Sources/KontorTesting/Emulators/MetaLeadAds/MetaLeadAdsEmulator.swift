import Foundation
import KontorCore

/// An emulated Meta Graph API lead-ads edge on loopback, per `api_facts.md` §7.
///
/// Serves `GET /{version}/{form_id}/leads` with `access_token` (or bearer) auth, cursor paging
/// (`paging.cursors.before/after`, `paging.next`), `limit`, `fields`, `filtering` on `time_created`,
/// leads with `field_data[{name, values}]` and `created_time`, Graph error bodies, and throttling
/// as a Graph error code (4 by default) after `callsPerHour` calls, with `X-App-Usage`.
public final class MetaLeadAdsEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: MetaLeadAdsConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>` (Graph's `https://graph.facebook.com`).
    public var baseURL: URL { server.baseURL }

    private init(configuration: MetaLeadAdsConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives the hourly call window and injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: MetaLeadAdsConfiguration = MetaLeadAdsConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> MetaLeadAdsEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: MetaLeadAdsDialect(configuration: configuration), clock: clock)
        let routes = MetaLeadAdsRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "meta")
        return MetaLeadAdsEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
