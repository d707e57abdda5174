import Hummingbird

/// `GET /metrics`: every metric of the server's registry in the Prometheus text
/// exposition format (0.0.4), the store gauges refreshed first.
///
/// Unauthenticated, like most Prometheus targets: it shows counts, durations and
/// configured source and destination names, never ids, keys or personal data.
/// Keep the listen address private or filter `/metrics` at the proxy when that
/// is too much.
struct MetricsRoute: Sendable {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let metrics: ServerMetrics
    let gauges: StoreGauges

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("metrics") { _, _ in await self.scrape() }
    }

    func scrape() async -> Response {
        await gauges.refresh()
        return Response(
            status: .ok, headers: [.contentType: Self.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
}
