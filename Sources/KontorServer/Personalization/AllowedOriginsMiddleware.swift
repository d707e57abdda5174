import Hummingbird

/// CORS for endpoints that websites call from the browser, limited to the
/// configured origins (`server.allowed_origins`; `"*"` allows any).
///
/// - No `Origin` header (a server calling): passed through untouched.
/// - An origin not in the list: 403 `origin_not_allowed`, for preflights and requests alike.
/// - A preflight (`OPTIONS`) from an allowed origin: 204 with the allowed methods and headers.
/// - Any other request from an allowed origin: the response (errors included)
///   gets `Access-Control-Allow-Origin` with that origin and `Vary: Origin`, so
///   that page scripts can read JSON errors too.
struct AllowedOriginsMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let methods: [HTTPRequest.Method]
    /// The request headers a page may send, as `Access-Control-Allow-Headers` lists them.
    let headers: String
    /// Seconds a browser may cache a preflight.
    let maxAge: Int

    init(
        _ origins: [String], methods: [HTTPRequest.Method] = [.get, .options],
        headers: String = "Accept, Authorization", maxAge: Int = 3600
    ) {
        self.origins = Set(origins)
        self.methods = methods
        self.headers = headers
        self.maxAge = maxAge
    }

    func allows(_ origin: String) -> Bool {
        origins.contains("*") || origins.contains(origin)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        guard allows(origin) else {
            throw APIError(
                .forbidden, code: "origin_not_allowed",
                "This origin may not call the API from a browser: add it to server.allowed_origins.", field: "Origin")
        }
        if request.method == .options {
            var response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = methods.map(\.rawValue).joined(separator: ", ")
            response.headers[.accessControlAllowHeaders] = headers
            response.headers[.accessControlMaxAge] = String(maxAge)
            return allowing(origin, response)
        }
        return allowing(origin, try await next(request, context))
    }

    private func allowing(_ origin: String, _ response: Response) -> Response {
        var response = response
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[values: .vary].append("Origin")
        return response
    }
}
