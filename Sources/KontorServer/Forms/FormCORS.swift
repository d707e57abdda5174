import Hummingbird

/// The CORS answers of a form endpoint: only the source's configured origins
/// get `Access-Control-Allow-Origin`, echoed exactly (never `*`, so no
/// other page can read the answers), with `Vary: Origin` for caches.
enum FormCORS {
    static let allowMethods = "POST, OPTIONS"
    static let allowHeaders = "Content-Type, Accept"
    static let maxAgeSeconds = "600"

    /// Adds the headers that let the page at `origin` read `response`.
    static func allow(_ response: inout Response, origin: String) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }

    /// The answer to an allowed preflight.
    static func preflight(origin: String) -> Response {
        var response = Response(status: .noContent)
        allow(&response, origin: origin)
        response.headers[.accessControlAllowMethods] = allowMethods
        response.headers[.accessControlAllowHeaders] = allowHeaders
        response.headers[.accessControlMaxAge] = maxAgeSeconds
        return response
    }

    static func refused(origin: String, source: String) -> APIError {
        APIError(
            .forbidden, code: "origin_not_allowed",
            "Origin '\(String(origin.prefix(200)))' may not post to form source '\(String(source.prefix(100)))'; add it to allowed_origins.",
            field: "Origin")
    }
}
