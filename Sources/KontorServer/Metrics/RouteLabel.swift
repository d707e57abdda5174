import Hummingbird

/// The bounded label values of a request, for metrics and the request log:
/// the route pattern (`/hooks/{source}`, never the path with its values), the
/// method, and the status a thrown error will be answered with.
enum RouteLabel {
    /// The label of requests that matched no route.
    static let unmatched = "unmatched"

    /// The matched route's pattern, or ``unmatched``.
    static func route(of context: some RequestContext) -> String {
        guard let path = context.endpointPath, path != "NotFound" else { return unmatched }
        return path
    }

    /// The standard methods by name; anything else is `OTHER` (methods are free text).
    static func method(of request: Request) -> String {
        switch request.method {
        case .get, .head, .post, .put, .patch, .delete, .options: request.method.rawValue
        default: "OTHER"
        }
    }

    /// The status the server answers `error` with.
    static func status(of error: any Error) -> Int {
        (error as? any HTTPResponseError)?.status.code ?? 500
    }
}
