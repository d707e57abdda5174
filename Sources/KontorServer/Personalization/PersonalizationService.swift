import Foundation
import Hummingbird
import KontorCore
import KontorRuntime
import KontorStore
import Logging

/// The personalisation API: `GET /v1/personalize?user_id=…|anonymous_id=…|email=…`
/// with a read key answers `{"segments": [...], "traits": {...}}` for the person.
///
/// A request is checked in this order: origin (403 for an origin not in
/// `allowed_origins`), read key (401), lookup parameter (400 naming it). The
/// answer comes from the ``PersonalizationCache`` when it holds a fresh one,
/// else from the store (and is cached). An unknown person gets 200 with empty
/// segments and traits. A store that cannot be read answers 503 with `Retry-After`.
///
/// Logs never carry the key or the person's identifier.
///
/// ```swift
/// let cache = PersonalizationCache(deployment.server.personalize)
/// PersonalizationService(settings: deployment.server, store: store, model: model, clock: clock, cache: cache)
///     .addRoutes(to: server.router)
/// ```
public struct PersonalizationService: Sendable {
    /// Seconds a client is asked to wait when the store is unavailable.
    public static let retryAfterSeconds = 5

    let readKeys: ReadKeys
    let origins: [String]
    let store: any ProfileStore
    let model: ProfileModel
    let query: PersonalizationQuery
    let clock: any KontorClock
    /// The cache the service reads through; wire its invalidation to the profile builder and segment engine.
    public let cache: PersonalizationCache

    public init(
        settings: ServerSettings, store: any ProfileStore, model: ProfileModel, clock: any KontorClock,
        cache: PersonalizationCache
    ) {
        self.readKeys = ReadKeys(settings.readKeys)
        self.origins = settings.allowedOrigins
        self.store = store
        self.model = model
        self.query = PersonalizationQuery(model: model, settings: settings)
        self.clock = clock
        self.cache = cache
    }

    /// Adds `GET /v1/personalize` (and its CORS preflight) to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let group = router.group("v1/personalize")
            .add(middleware: AllowedOriginsMiddleware(origins))
            .add(middleware: JSONErrorMiddleware())
        group.get { request, _ in
            JSONResponse.make(try await self.answer(request).json)
        }
        group.on("", method: HTTPRequest.Method.options) { _, _ in
            Response(status: .noContent, headers: [.allow: "GET, OPTIONS"])
        }
    }

    /// The answer to one request.
    public func answer(_ request: Request) async throws(APIError) -> Personalization {
        try readKeys.check(authorization: request.headers[.authorization])
        let lookup = try PersonLookup(request: request)
        guard let identity = try lookup.identity(rules: model.identity) else { return .nobody }
        return try await answer(for: identity)
    }

    /// The answer for `identity`, from the cache or the store.
    public func answer(for identity: Identity) async throws(APIError) -> Personalization {
        let now = clock.now
        let (cached, generation) = cache.lookup(identity, now: now)
        if let cached { return cached }
        let query = self.query
        let answer: Personalization
        do {
            answer = try await store.profileRead { try query.answer(for: identity, in: $0, now: now) }
        } catch {
            throw APIError(
                .serviceUnavailable, code: "store_unavailable", "The profile store is unavailable. Retry later.",
                retryAfter: Self.retryAfterSeconds)
        }
        cache.store(answer, for: identity, generation: generation, now: now)
        return answer
    }
}
