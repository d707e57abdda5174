import Foundation
import Hummingbird
import KontorCore
import KontorRuntime
import KontorStore
import Logging

/// Website forms (pop-ups, surveys, preference centres, wish lists):
/// `POST /forms/{source}` with JSON or `application/x-www-form-urlencoded`,
/// for sources whose plugin's `inbound.endpoint` is `form` (the `form` plugin),
/// and the CORS preflight `OPTIONS /forms/{source}`.
///
/// A post is checked in this order: the source (404), the `Origin` against
/// the configured origins (403, also for a preflight), the per-client rate
/// limit (429 with `Retry-After`), the size (413) and encoding (400/415), the
/// honeypot (filled: answered like a success, nothing stored, counted), the
/// required fields (400 naming the first). The post is then emitted with the
/// stream's rules (identify with traits and `context.consent`, track "Form
/// Submitted" with the answers) and the answer is sent once the messages are
/// committed: `200 {"success": true}`, or `303` to the configured `redirect`
/// for a plain HTML form post.
///
/// Logs carry the source and counts; never a field value, an e-mail or an address.
public struct FormService: Sendable {
    let table: InboundSourceTable
    let endpoints: [String: FormEndpoint]
    let writer: GroupCommitWriter
    let clock: any KontorClock
    let logger: Logger
    let trustForwardedFor: Bool
    let counters = FormCounters()

    /// - Parameters:
    ///   - sources: the deployment's sources.
    ///   - plugin: the plugin catalog's lookup by name.
    ///   - allowedOrigins: origins allowed on every form source (`server.allowed_origins`), besides each source's own.
    ///   - trustForwardedFor: rate-limit by `X-Forwarded-For` (Kontor behind a reverse proxy).
    public init(
        sources: [String: SourceConfig], plugin: (String) -> PluginDefinition?, allowedOrigins: [String] = [],
        writer: GroupCommitWriter, clock: any KontorClock, logger: Logger, trustForwardedFor: Bool = true
    ) throws(InboundSetupError) {
        let table = try InboundSourceTable(sources: sources, plugin: plugin)
        var endpoints: [String: FormEndpoint] = [:]
        for (name, emitter) in table.emitters(at: .form) {
            endpoints[name] = try FormEndpoint(emitter: emitter, serverOrigins: allowedOrigins, clock: clock)
        }
        self.table = table
        self.endpoints = endpoints
        self.writer = writer
        self.clock = clock
        self.logger = logger
        self.trustForwardedFor = trustForwardedFor
    }

    /// The names of the sources served at `/forms/{source}`.
    public var sourceNames: [String] { endpoints.keys.sorted() }

    /// What the endpoint of `source` did so far.
    public func counts(for source: String) -> FormCounts { counters.counts(for: source) }

    /// Adds `POST` and `OPTIONS /forms/{source}` to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let forms = router.group("forms").add(middleware: JSONErrorMiddleware())
        forms.post(":source") { request, context in
            let client = ClientAddress.key(request, context: context, trustForwardedFor: self.trustForwardedFor)
            return await self.handle(request, source: context.parameters.get("source") ?? "", client: client)
        }
        forms.on(":source", method: .options) { request, context in
            self.preflight(request, source: context.parameters.get("source") ?? "")
        }
    }

    /// Answers a CORS preflight: 204 with the CORS headers for a configured origin, 403 for any other.
    public func preflight(_ request: Request, source: String) -> Response {
        guard let endpoint = endpoints[source] else { return Self.response(table.notServed(source, at: .form)) }
        guard let origin = request.headers[.origin] else {
            return Response(status: .noContent, headers: [.allow: FormCORS.allowMethods])
        }
        guard endpoint.allows(origin: origin) else { return Self.response(FormCORS.refused(origin: origin, source: source)) }
        return FormCORS.preflight(origin: origin)
    }

    /// Answers one post from `client` (its address, for the rate limit).
    public func handle(_ request: Request, source: String, client: String) async -> Response {
        guard let endpoint = endpoints[source] else { return Self.response(table.notServed(source, at: .form)) }
        let origin = request.headers[.origin]
        if let origin, !endpoint.allows(origin: origin) {
            counters.count(.rejected, source: source)
            return Self.response(FormCORS.refused(origin: origin, source: source))
        }
        var response: Response
        do {
            response = try await submit(request, endpoint: endpoint, source: source, client: client)
        } catch {
            counters.count(error.status == .tooManyRequests ? .rateLimited : .rejected, source: source)
            response = Self.response(error)
        }
        if let origin { FormCORS.allow(&response, origin: origin) }
        return response
    }

    private func submit(_ request: Request, endpoint: FormEndpoint, source: String, client: String) async throws(APIError)
        -> Response
    {
        if let limiter = endpoint.limiter, let wait = limiter.admit(client) {
            throw APIError(
                .tooManyRequests, code: "rate_limited",
                "Too many posts from this client: at most \(limiter.spec.description). Retry later.", retryAfter: wait)
        }
        let body = try await InboundBody.read(request, limit: endpoint.maxBody)
        let value = try body.value(format: endpoint.emitter.inbound.body ?? .any, contentType: request.headers[.contentType])
        guard var record = value.objectValue else {
            throw APIError(.badRequest, code: "invalid_body", "The form body must be an object of fields.", field: "body")
        }
        if let honeypot = endpoint.honeypot, let filled = record.removeValue(forKey: honeypot), filled.isTruthy {
            counters.count(.honeypot, source: source)
            logger.debug("form honeypot filled; dropped", metadata: ["kontor.source": "\(source)"])
            return success(request, endpoint: endpoint)
        }
        let missing = endpoint.missingFields(in: .object(record))
        if let first = missing.first {
            throw APIError(
                .badRequest, code: "missing_field", "The field '\(first)' is required.", field: first,
                problems: missing.map { MessageProblem(field: $0, message: "required") })
        }
        let messages = try emit(.object(record), endpoint: endpoint, request: request)
        let result = try await InboundStorage.store(messages, source: source, writer: writer, receivedAt: clock.now)
        counters.count(.stored, source: source)
        logger.info(
            "form stored",
            metadata: [
                "kontor.source": "\(source)", "kontor.messages": "\(messages.count)",
                "kontor.inserted": "\(result.inserted)", "kontor.duplicates": "\(result.duplicates)",
            ])
        return success(request, endpoint: endpoint)
    }

    /// The post's messages; each must name someone (a user id or an anonymous id).
    private func emit(_ record: JSONValue, endpoint: FormEndpoint, request: Request) throws(APIError) -> [Message] {
        let now = clock.now
        let headers = request.inboundHeaders
        let submission = record["submission_id"]?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        let messages: [Message]
        do throws(PullError) {
            guard let stream = try endpoint.emitter.stream(headers: headers, body: record, query: request.queryValues, now: now)
            else { return [] }
            messages = try endpoint.emitter.messages(
                body: record, stream: stream, headers: headers, delivery: submission ?? UUID().uuidString, now: now)
        } catch {
            logger.warning("form not emitted", metadata: ["kontor.source": "\(endpoint.emitter.source)", "kontor.reason": "\(error.kind.rawValue)"])
            throw APIError(.unprocessableContent, code: "emit_failed", "The form post could not be turned into messages.")
        }
        let field = endpoint.required.first ?? "email"
        guard !messages.isEmpty, messages.allSatisfy({ $0.userId != nil || $0.anonymousId != nil }) else {
            throw APIError(
                .badRequest, code: "missing_field",
                "The post names nobody: fill '\(field)' (or send user_id or anonymous_id).", field: field)
        }
        return messages
    }

    /// `303` to the redirect for a plain HTML form post, else `200 {"success": true}`.
    private func success(_ request: Request, endpoint: FormEndpoint) -> Response {
        let accept = request.headers[.accept]?.lowercased() ?? ""
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let isHTMLPost = contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.hasPrefix("multipart/form-data")
        if let redirect = endpoint.redirect, isHTMLPost, !accept.contains("application/json") {
            return Response(status: .seeOther, headers: [.location: redirect, .cacheControl: "no-store"])
        }
        return JSONResponse.make(JSONResponse.success)
    }

    private static func response(_ error: APIError) -> Response {
        var response = JSONResponse.make(error.body, status: error.status)
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
