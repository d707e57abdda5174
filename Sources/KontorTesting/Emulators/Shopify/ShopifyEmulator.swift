import Foundation
import KontorCore

/// An emulated Shopify shop (REST Admin API) on loopback, per `api_facts.md` §1.
///
/// Serves `GET /admin/api/{version}/customers.json`, `orders.json` (`status` defaults to `open`),
/// `customers/count.json`, `orders/count.json` and `products.json`, with `X-Shopify-Access-Token`
/// auth, `Link`-header paging with opaque `page_info`, `limit` 50/250, `updated_at_min` and friends,
/// and the 40-request leaky bucket draining 2 per second on the emulator's clock.
///
/// ```swift
/// let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 1, count: 200))
/// defer { Task { await shop.stop() } }
/// // GET \(shop.apiBaseURL)/customers.json with X-Shopify-Access-Token: shpat_emulator
/// ```
public final class ShopifyEmulator: SourceEmulator {
    /// The knobs it was started with.
    public let configuration: ShopifyConfiguration
    public let data: DataSetStore
    public let faults: FaultPlan
    public let log: RequestLog
    public let host: EmulatorHost
    public let server: EmulatorServer

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { server.baseURL }

    /// `<baseURL>/admin/api/<version>`, the base a connector's `base_url` points at.
    public func apiBaseURL(version: String = "2024-10") -> URL {
        server.baseURL.appendingPathComponent("admin/api/\(version)")
    }

    private init(configuration: ShopifyConfiguration, data: DataSetStore, host: EmulatorHost, server: EmulatorServer) {
        self.configuration = configuration
        self.data = data
        self.faults = host.faults
        self.log = host.log
        self.host = host
        self.server = server
    }

    /// Starts the emulator; `clock` drives the leaky bucket and injected delays (the wall clock when nil).
    public static func start(
        dataSet: CustomerDataSet,
        configuration: ShopifyConfiguration = ShopifyConfiguration(),
        clock: (any KontorClock)? = nil
    ) async throws -> ShopifyEmulator {
        let data = DataSetStore(dataSet)
        let host = EmulatorHost(dialect: ShopifyDialect(configuration: configuration), clock: clock)
        let routes = ShopifyRoutes(configuration: configuration, data: data, log: host.log)
        let server = try await host.serve(routes.endpoints, name: "shopify")
        return ShopifyEmulator(configuration: configuration, data: data, host: host, server: server)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop()
    }
}
