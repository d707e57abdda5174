import Foundation
import Hummingbird
import KontorCore
import KontorRuntime
import KontorStore
import Logging

/// Signed webhooks: `POST /hooks/{source}` for sources whose plugin has an
/// `inbound` section (Shopify, WooCommerce, Typeform, Meta lead ads, …), and
/// `GET /hooks/{source}` for a subscription handshake the plugin declares
/// (Meta's `hub.challenge`).
///
/// A delivery is checked in this order, and the first problem answers it:
/// the source (404, naming why), the body size (413), the signature and its
/// timestamp window (401), the body's encoding (400/415). Only then is it
/// routed to a stream, emitted with the stream's `emit` rules and handed to
/// the ``GroupCommitWriter``; the `200` is sent once the messages are
/// committed. A replayed delivery (same delivery id) gives the same
/// `messageId`s, which the event log stores once, also after a restart.
///
/// Logs carry the source, the stream and counts; never the secret, the
/// signature, or anything from the body.
public struct WebhookService: Sendable {
    let table: InboundSourceTable
    let endpoints: [String: WebhookEndpoint]
    let writer: GroupCommitWriter
    let clock: any KontorClock
    let logger: Logger

    /// - Parameters:
    ///   - sources: the deployment's sources (config values with `${secret:}` already substituted).
    ///   - plugin: the plugin catalog's lookup by name.
    /// - Throws: ``InboundSetupError`` when a source's inbound templates do not compile.
    public init(
        sources: [String: SourceConfig], plugin: (String) -> PluginDefinition?, writer: GroupCommitWriter,
        clock: any KontorClock, logger: Logger
    ) throws(InboundSetupError) {
        let table = try InboundSourceTable(sources: sources, plugin: plugin)
        var endpoints: [String: WebhookEndpoint] = [:]
        for (name, emitter) in table.emitters(at: .webhook) {
            let endpoint = try WebhookEndpoint(emitter: emitter, now: clock.now)
            if endpoint.signature != nil, endpoint.secret.isEmpty {
                logger.warning("webhook source has no signing secret; its deliveries are refused", metadata: ["kontor.source": "\(name)"])
            }
            endpoints[name] = endpoint
        }
        self.table = table
        self.endpoints = endpoints
        self.writer = writer
        self.clock = clock
        self.logger = logger
    }

    /// The names of the sources served at `/hooks/{source}`.
    public var sourceNames: [String] { endpoints.keys.sorted() }

    /// Adds `POST` and `GET /hooks/{source}` to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let hooks = router.group("hooks").add(middleware: JSONErrorMiddleware())
        hooks.post(":source") { request, context in
            try await self.handle(request, source: context.parameters.get("source") ?? "", logger: context.logger)
        }
        hooks.get(":source") { request, context in
            try self.handshake(request, source: context.parameters.get("source") ?? "")
        }
    }

    /// Answers one delivery.
    public func handle(_ request: Request, source: String, logger: Logger) async throws(APIError) -> Response {
        guard let endpoint = endpoints[source] else { throw table.notServed(source, at: .webhook) }
        let body = try await InboundBody.read(request, limit: endpoint.maxBody)
        let headers = request.inboundHeaders
        let now = clock.now
        try endpoint.verify(
            body.raw, headers: headers, method: request.method.rawValue, url: request.uri.description, now: now)
        let value = try body.value(format: endpoint.emitter.inbound.body ?? .json, contentType: request.headers[.contentType])
        let delivery = endpoint.emitter.inbound.deliveryIDHeader.flatMap { headers[$0.lowercased()] }
            .flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        let messages: [Message]
        let stream: String?
        do throws(PullError) {
            stream = try endpoint.emitter.stream(headers: headers, body: value, query: request.queryValues, now: now)
            messages = try stream.map { stream throws(PullError) in
                try endpoint.emitter.messages(body: value, stream: stream, headers: headers, delivery: delivery, now: now)
            } ?? []
        } catch {
            logger.warning("webhook not emitted", metadata: ["kontor.source": "\(source)", "kontor.reason": "\(error.kind.rawValue)"])
            throw APIError(.unprocessableContent, code: "emit_failed", "The delivery could not be turned into messages.")
        }
        let result = try await InboundStorage.store(messages, source: source, writer: writer, receivedAt: now)
        logger.info(
            "webhook stored",
            metadata: [
                "kontor.source": "\(source)", "kontor.stream": "\(stream ?? "-")", "kontor.messages": "\(messages.count)",
                "kontor.inserted": "\(result.inserted)", "kontor.duplicates": "\(result.duplicates)",
            ])
        var answer: [String: JSONValue] = [
            "success": true, "stored": .int(result.inserted), "duplicates": .int(result.duplicates),
        ]
        if stream == nil { answer["ignored"] = true }
        return JSONResponse.make(.object(answer))
    }

    /// Answers a subscription handshake: echoes the challenge when the verify token matches.
    public func handshake(_ request: Request, source: String) throws(APIError) -> Response {
        guard let endpoint = endpoints[source] else { throw table.notServed(source, at: .webhook) }
        guard let challenge = endpoint.emitter.inbound.challenge else {
            throw APIError(.methodNotAllowed, code: "method_not_allowed", "Deliveries are POSTed; this source declares no GET handshake.")
        }
        let query = request.queryValues
        if let modeParam = challenge.modeParam, query[modeParam] != "subscribe" {
            throw APIError(.badRequest, code: "invalid_mode", "'\(modeParam)' must be 'subscribe'.", field: modeParam)
        }
        guard let expected = endpoint.verifyToken, let given = query[challenge.tokenParam],
            InboundSignature.constantTimeEqual(Array(given.utf8), Array(expected.utf8))
        else {
            throw APIError(.forbidden, code: "invalid_verify_token", "The verify token does not match.", field: challenge.tokenParam)
        }
        guard let echo = query[challenge.challengeParam], !echo.isEmpty else {
            throw APIError(.badRequest, code: "missing_field", "'\(challenge.challengeParam)' is required.", field: challenge.challengeParam)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: String(echo.prefix(1000)))))
    }
}
