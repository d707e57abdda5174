import Foundation
import KontorCore

/// An emulated SurveyMonkey account (API v3 bulk responses) on loopback, per `api_facts.md` §6.
///
/// Serves `GET /v3/surveys/{id}/responses/bulk` with bearer auth, `page`/`per_page` (50, max 100),
/// `links.next`/`prev`/`last`, modified/created date filters, sorting, the per-minute and per-day
/// app limits with `X-Ratelimit-App-Global-*` headers, and SurveyMonkey's error bodies.
public final class SurveyMonkeyEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: SurveyMonkeyConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>`; the API base is `<baseURL>/v3`.
    public var baseURL: URL { server.baseURL }

    private init(configuration: SurveyMonkeyConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
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
        configuration: SurveyMonkeyConfiguration = SurveyMonkeyConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> SurveyMonkeyEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: SurveyMonkeyDialect(configuration: configuration), clock: clock)
        let routes = SurveyMonkeyRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "surveymonkey")
        return SurveyMonkeyEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
