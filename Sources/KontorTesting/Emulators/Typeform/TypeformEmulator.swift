import Foundation
import KontorCore

/// An emulated Typeform account (Responses API) on loopback, per `api_facts.md` §5.
///
/// Serves `GET /forms/{form_id}/responses` with bearer auth, `page_size` (25, max 1000),
/// `since`/`until`, `after`/`before` response tokens, `sort=submitted_at,asc|desc`, answers of the
/// email, text, choice, choices, number (incl. opinion scale), boolean and phone_number types,
/// hidden fields, and a 2-requests-per-second limit. One response per generated person.
public final class TypeformEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: TypeformConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>` (Typeform's `https://api.typeform.com`).
    public var baseURL: URL { server.baseURL }

    private init(configuration: TypeformConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives the rate limit and injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: TypeformConfiguration = TypeformConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> TypeformEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: TypeformDialect(configuration: configuration), clock: clock)
        let routes = TypeformRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "typeform")
        return TypeformEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
