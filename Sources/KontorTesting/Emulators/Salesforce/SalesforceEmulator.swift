import Foundation
import KontorCore

/// An emulated Salesforce org (REST query API) on loopback, per `api_facts.md` §4.
///
/// Serves `POST /services/oauth2/token` (refresh token grant) and
/// `GET /services/data/vXX.X/query?q=SOQL` (and `/queryAll`) over `Contact` and `Lead`
/// (every person is both; the VIPs' leads are converted), following `nextRecordsUrl`
/// until `done`, with `Sforce-Query-Options: batchSize=N`, bearer auth, `Sforce-Limit-Info`,
/// and error bodies as JSON arrays. The SOQL subset: a field list, `WHERE` comparisons
/// joined by `AND` (e.g. `SystemModstamp > 2024-01-01T00:00:00Z`), `ORDER BY`, `LIMIT`.
public final class SalesforceEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: SalesforceConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { server.baseURL }
    /// The same URL: the `instance_url` OAuth would return.
    public var instanceURL: URL { server.baseURL }

    private init(configuration: SalesforceConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: SalesforceConfiguration = SalesforceConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> SalesforceEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: SalesforceDialect(configuration: configuration), clock: clock)
        let routes = SalesforceRoutes(configuration: configuration, data: data)
        let server = try await host.serve(routes.endpoints, name: "salesforce")
        return SalesforceEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
