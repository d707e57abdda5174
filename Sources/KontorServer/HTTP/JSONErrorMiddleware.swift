import Hummingbird
import Logging

/// Turns every failure into a JSON body with `code` and `message`.
///
/// Route handlers throw ``APIError``s, which already answer in JSON; this
/// middleware covers the rest: the router's 404, Hummingbird's own
/// `HTTPError`s, and unexpected errors, which become a 500 whose body says
/// nothing about the cause (the cause is logged instead).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            var response = try APIError.from(status: error.status, message: error.body)
                .response(from: request, context: context)
            for field in error.headers where field.name != .contentType && field.name != .contentLength {
                response.headers.append(field)
            }
            return response
        } catch let error as any HTTPResponseError {
            return try APIError.from(status: error.status).response(from: request, context: context)
        } catch {
            context.logger.error(
                "request failed", metadata: ["kontor.path": "\(request.uri.path)", "error.type": "\(type(of: error))"])
            return try APIError(.internalServerError, code: "internal_error", "The server failed to handle the request.")
                .response(from: request, context: context)
        }
    }
}
