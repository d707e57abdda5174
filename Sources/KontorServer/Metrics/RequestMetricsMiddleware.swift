import Hummingbird

/// Counts every request by method, route pattern and status, and records its
/// duration (`kontor_http_requests_total`, `kontor_http_request_duration_seconds`).
///
/// Added to the router before any route, so it sees every request, unmatched
/// ones included, and the status the client gets: it sits outside
/// ``JSONErrorMiddleware``, and an error that still escapes is counted with the
/// status it will be answered with.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: started)
            return response
        } catch {
            record(request, context, status: RouteLabel.status(of: error), since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        metrics.record(
            method: RouteLabel.method(of: request), route: RouteLabel.route(of: context), status: status,
            nanoseconds: Self.nanoseconds(since: started))
    }

    static func nanoseconds(since started: ContinuousClock.Instant) -> Int64 {
        let elapsed = started.duration(to: .now).components
        return elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
    }
}
