import Hummingbird

/// Lets a request through only with the admin token (see ``AdminToken``).
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AdminToken

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        try token.check(request)
        return try await next(request, context)
    }
}
