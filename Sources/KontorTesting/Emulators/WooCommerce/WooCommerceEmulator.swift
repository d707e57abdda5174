import Foundation
import KontorCore

/// An emulated WooCommerce store (REST API v3) on loopback, per `api_facts.md` §2.
///
/// Serves `GET /wp-json/wc/v3/customers` and `/orders` with Basic auth (`ck_…:cs_…`, or the
/// `consumer_key`/`consumer_secret` query parameters), `page`/`per_page` (10, max 100), `offset`,
/// `X-WP-Total`/`X-WP-TotalPages`/`Link`, `modified_after`/`modified_before`, `after`/`before`,
/// `orderby`/`order`, and WP-REST error bodies.
public final class WooCommerceEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: WooCommerceConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { server.baseURL }
    /// `<baseURL>/wp-json/wc/v3`.
    public var apiBaseURL: URL { server.baseURL.appendingPathComponent("wp-json/wc/v3") }

    private init(configuration: WooCommerceConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives the optional rate cap and injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: WooCommerceConfiguration = WooCommerceConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> WooCommerceEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: WooCommerceDialect(configuration: configuration), clock: clock)
        let routes = WooCommerceRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "woocommerce")
        return WooCommerceEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
