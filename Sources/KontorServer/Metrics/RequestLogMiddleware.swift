import Hummingbird
import Logging

/// Writes one structured log line per request, after its response is ready:
/// method, route pattern, status, duration, body sizes, and (from the request's
/// logger) Hummingbird's request id `hb.request.id`.
///
/// What it never writes: the path (it may hold ids), the query string (it may
/// hold write keys or emails), headers (they hold credentials), bodies. Only
/// bounded, non-personal values appear, so the line is safe at `info`.
/// 5xx answers are logged at `error`, everything else at `level`.
///
/// ```
/// info request [hb.request.id=…, http.method=POST, http.route=/v1/track, http.status=200, http.duration_ms=1.42, http.request_bytes=312, http.response_bytes=16]
/// ```
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    var level: Logger.Level = .info

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, responseBytes: response.body.contentLength, since: started)
            return response
        } catch {
            log(request, context, status: RouteLabel.status(of: error), responseBytes: nil, since: started)
            throw error
        }
    }

    private func log(
        _ request: Request, _ context: Context, status: Int, responseBytes: Int?, since started: ContinuousClock.Instant
    ) {
        let nanoseconds = RequestMetricsMiddleware<Context>.nanoseconds(since: started)
        context.logger.log(level: status >= 500 ? .error : level, "request", metadata: {
            var metadata: Logger.Metadata = [
                "http.method": .string(RouteLabel.method(of: request)),
                "http.route": .string(RouteLabel.route(of: context)),
                "http.status": .stringConvertible(status),
                "http.duration_ms": .stringConvertible((Double(nanoseconds) / 10_000).rounded() / 100),
            ]
            if let length = request.headers[.contentLength].flatMap({ Int($0) }) {
                metadata["http.request_bytes"] = .stringConvertible(length)
            }
            if let responseBytes { metadata["http.response_bytes"] = .stringConvertible(responseBytes) }
            return metadata
        }())
    }
}
