import Hummingbird
import KontorCore
import KontorStore
import Logging

/// The Segment-compatible ingest API: `POST /v1/{identify,track,page,screen,group,alias,batch,import}`.
///
/// A request is checked in this order, and the first problem answers it:
/// write key in the `Authorization` header (401), content type and encoding
/// (400), size (400, naming the limit), JSON, every message (400, naming the
/// field), write key in the body when there was no header (401). Only then
/// are the messages handed to the ``GroupCommitWriter``, and the `200
/// {"success": true}` is sent after they are committed. A store that cannot
/// write answers 503 with `Retry-After`, which the client libraries retry.
///
/// Logs carry counts, the source and the endpoint; never keys, ids or traits.
public struct IngestService: Sendable {
    /// Seconds a client is asked to wait when the store is unavailable.
    public static let retryAfterSeconds = 5

    let writeKeys: WriteKeys
    let writer: GroupCommitWriter
    let clock: any KontorClock
    let limits: IngestLimits
    let source: String

    /// - Parameters:
    ///   - writeKeys: the accepted keys (`server.write_keys`); none means every request is refused.
    ///   - source: the event-log source name the messages are stored under.
    public init(
        writeKeys: [String], writer: GroupCommitWriter, clock: any KontorClock, limits: IngestLimits = .segment,
        source: String = "ingest"
    ) {
        self.writeKeys = WriteKeys(writeKeys)
        self.writer = writer
        self.clock = clock
        self.limits = limits
        self.source = source
    }

    /// Adds the ingest routes, with CORS open to every origin (write keys are
    /// public in browsers, as with Segment), to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let v1 = router.group("v1")
            .add(
                middleware: CORSMiddleware(
                    allowOrigin: CORSMiddleware<Context>.AllowOriginExtended.originBased,
                    allowHeaders: [.accept, .authorization, .contentType, .contentEncoding, .origin],
                    allowMethods: [.post, .options], maxAge: .seconds(3600)))
            .add(middleware: JSONErrorMiddleware())
        for (path, endpoint) in IngestEndpoint.all {
            let name = String(path.dropFirst("/v1/".count))
            v1.post(RouterPath(name)) { request, context in
                try await self.handle(request, endpoint: endpoint, logger: context.logger)
            }
            v1.on(RouterPath(name), method: .options) { _, _ in
                Response(status: .noContent, headers: [.allow: "POST, OPTIONS"])
            }
        }
    }

    /// Answers one ingest request.
    public func handle(_ request: Request, endpoint: IngestEndpoint, logger: Logger) async throws(APIError)
        -> Response
    {
        let headerKey = try WriteKeys.key(fromAuthorization: request.headers[.authorization])
        if headerKey != nil { try writeKeys.check(headerKey) }
        let receivedAt = clock.now
        let bytes = try await bodyReader(for: endpoint).read(request)
        let payload = try IngestPayload(json: bytes, endpoint: endpoint, receivedAt: receivedAt, limits: limits)
        if headerKey == nil { try writeKeys.check(payload.writeKey) }
        let result: AppendResult
        do {
            result = try await writer.append(payload.messages, source: source)
        } catch .rejected(let reason) {
            throw APIError(.badRequest, code: "rejected", "The messages cannot be stored: \(reason)")
        } catch {
            throw APIError(
                .serviceUnavailable, code: "store_unavailable",
                "The event store is unavailable; nothing was stored. Retry later.",
                retryAfter: Self.retryAfterSeconds)
        }
        logger.debug(
            "ingested",
            metadata: [
                "kontor.source": "\(source)", "kontor.endpoint": "\(request.uri.path)",
                "kontor.messages": "\(payload.messages.count)", "kontor.inserted": "\(result.inserted)",
                "kontor.duplicates": "\(result.duplicates)",
            ])
        return JSONResponse.make(JSONResponse.success)
    }

    private func bodyReader(for endpoint: IngestEndpoint) -> IngestBodyReader {
        switch endpoint {
        case .single:
            IngestBodyReader(limit: limits.messageBytes, tooLargeCode: "message_too_large", tooLargeWhat: "The message")
        case .batch:
            IngestBodyReader(limit: limits.batchBytes, tooLargeCode: "batch_too_large", tooLargeWhat: "The batch")
        }
    }
}
