import Foundation
import KontorCore
import Synchronization

/// Sends plugin requests the way every runtime path needs: credentials added,
/// the instance's rate budget respected, each response classified (plugin
/// rules over defaults), waits taken on the injected clock (honouring
/// `Retry-After`, `X-RateLimit-Reset`, `X-Shopify-Shop-Api-Call-Limit`),
/// retries with jittered backoff, one credential refresh on `refresh_auth`.
///
/// ```swift
/// let executor = RequestExecutor(transport: transport, authenticator: auth, limiter: limiter,
///                                retry: try RetrySettings(plugin.http?.retry), clock: clock, config: config)
/// let page = try await executor.execute(draft)
/// ```
public struct RequestExecutor: Sendable {
    public var transport: any HTTPTransport
    public var authenticator: any RequestAuthenticator
    public var limiter: RateLimiter
    public var retry: RetrySettings
    public var clock: any KontorClock
    /// The instance's settings: the `config` variable of retry rules.
    public var config: JSONValue
    public var timeout: Duration
    /// Values hidden in every message (the instance's secret settings).
    public var redactor: SecretRedactor
    /// Told about waits, retries and refreshes, for progress displays and counts.
    public var onEvent: @Sendable (RequestEvent) -> Void
    private let random: JitterSource

    /// - Parameter jitterSeed: seeds the backoff jitter (tests); random when `nil`.
    public init(
        transport: any HTTPTransport, authenticator: any RequestAuthenticator, limiter: RateLimiter,
        retry: RetrySettings, clock: any KontorClock, config: JSONValue = .null, timeout: Duration = .seconds(30),
        redactor: SecretRedactor = SecretRedactor(secrets: []), jitterSeed: UInt64? = nil,
        onEvent: @escaping @Sendable (RequestEvent) -> Void = { _ in }
    ) {
        self.transport = transport
        self.authenticator = authenticator
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
        self.config = config
        self.timeout = timeout
        self.redactor = redactor
        self.onEvent = onEvent
        random = JitterSource(seed: jitterSeed)
    }

    /// Sends `draft` until it succeeds, is ignored, or fails for good.
    public func execute(_ draft: RequestDraft) async throws(RequestFailure) -> ExecutedResponse {
        var state = retry.newState(startedAt: clock.now)
        var attempts = 0
        var cleaned = draft
        cleaned.removeQueryItems(named: authenticator.queryParameterNames)
        let method = cleaned.method
        let path = RequestURL.path(of: cleaned.url)
        while true {
            let signed: AuthenticatedDraft
            do {
                signed = try await authenticator.authenticate(cleaned)
            } catch {
                throw await failure(cleaned.fullURL, method: method, status: nil, kind: .configError, message: error.description)
            }
            let request: HTTPRequestData
            do {
                request = try signed.draft.build()
            } catch {
                throw await failure(cleaned.fullURL, method: method, status: nil, kind: .configError, message: error.description)
            }
            try await waitForBudget(method: method, path: path)
            attempts += 1
            let outcome = await attempt(request)
            let now = clock.now
            let classification = retry.classifier.classify(outcome.exchange, config: config, now: now)
            let headers = outcome.facts?.headers ?? [:]
            let decision = random.decide(&state, classification, headers: headers, now: now)
            switch decision {
            case .done:
                guard let response = outcome.response else {
                    throw await failure(request.url, method: method, status: nil, kind: .transientError, message: classification.message)
                }
                await limiter.recordSuccess(method: method, path: path)
                if let wait = retry.waitRules.demandedWait(headers: headers, rateLimited: false, now: now), wait > 0 {
                    await limiter.penalize(method: method, path: path, until: now.addingTimeInterval(wait))
                }
                return ExecutedResponse(
                    response: response, json: outcome.facts?.body, ignored: classification.action == .ignore,
                    requestURL: request.url, displayURL: await displayURL(request.url), retries: attempts - 1
                )
            case .retryAfter(let wait):
                let rateLimited = classification.action == .rateLimited
                onEvent(.retrying(status: outcome.facts?.status, message: classification.message))
                if rateLimited {
                    await limiter.recordRateLimited(method: method, path: path)
                    await limiter.penalize(method: method, path: path, until: now.addingTimeInterval(wait))
                }
                try await sleep(wait, reason: rateLimited ? .rateLimited : .backoff)
            case .refreshAuthAndRetry:
                if await refreshed(signed.generation) { continue }
                throw await failure(
                    request.url, method: method, status: outcome.facts?.status, kind: classification.failure ?? .configError,
                    message: classification.message, body: outcome.facts?.bodyText
                )
            case .giveUp(let reason):
                throw await failure(
                    request.url, method: method, status: outcome.facts?.status, kind: reason.failure,
                    message: reason.message, body: outcome.facts?.bodyText
                )
            }
        }
    }

    private struct Outcome {
        var exchange: HTTPExchange
        var response: HTTPResponseData?
        var facts: HTTPResponseFacts?
    }

    private func attempt(_ request: HTTPRequestData) async -> Outcome {
        do {
            let response = try await transport.send(request, timeout: timeout)
            let facts = HTTPResponseFacts(
                status: response.status, headers: Self.headerMap(response.headers), bodyText: response.text,
                body: ResponseBody.json(response.body), requestURL: await displayURL(request.url)
            )
            return Outcome(exchange: .response(facts), response: response, facts: facts)
        } catch {
            let kind: TransportFailure.Kind =
                switch error.kind {
                case .timeout: .timeout
                case .connect: .connection
                default: .other
                }
            return Outcome(exchange: .transportFailure(TransportFailure(kind, redactor.redact(error.description))))
        }
    }

    private func refreshed(_ generation: Int) async -> Bool {
        do {
            guard try await authenticator.refresh(generation: generation) else { return false }
            onEvent(.refreshedAuth)
            return true
        } catch {
            return false
        }
    }

    /// Waits for the instance's rate budget (own limits and server-demanded pauses).
    private func waitForBudget(method: String, path: String) async throws(RequestFailure) {
        let now = clock.now
        let at = await limiter.reserve(method: method, path: path, now: now)
        let wait = at.timeIntervalSince(now)
        guard wait > 0 else { return }
        try await sleep(wait, reason: .budget, until: at)
    }

    private func sleep(_ seconds: TimeInterval, reason: RequestEvent.WaitReason, until deadline: Date? = nil) async throws(RequestFailure) {
        guard seconds > 0 else { return }
        onEvent(.waiting(seconds: seconds, reason: reason))
        do {
            try await clock.sleep(until: deadline ?? clock.now.addingTimeInterval(seconds))
        } catch {
            throw RequestFailure(method: "-", url: "-", status: nil, failure: .transientError, message: "cancelled while waiting")
        }
    }

    private func displayURL(_ url: String) async -> String {
        let secrets = await authenticator.secrets()
        let redactor = SecretRedactor(secrets: self.redactor.secrets + secrets)
        return RequestFailure.displayURL(url, hiddenParameters: authenticator.queryParameterNames, redactor: redactor)
    }

    private func failure(
        _ url: String, method: String, status: Int?, kind: FailureKind, message: String, body: String? = nil
    ) async -> RequestFailure {
        let secrets = await authenticator.secrets()
        let redactor = SecretRedactor(secrets: self.redactor.secrets + secrets)
        return RequestFailure(
            method: method, url: RequestFailure.displayURL(url, hiddenParameters: authenticator.queryParameterNames, redactor: redactor),
            status: status, failure: kind, message: redactor.redact(message),
            bodyExcerpt: body.map { redactor.redact(String($0.prefix(500))) }
        )
    }

    /// Response headers as a map; repeated names are joined with `, ` (as RFC 9110 allows).
    static func headerMap(_ headers: [HTTPHeader]) -> [String: String] {
        var map: [String: String] = [:]
        for header in headers {
            if let existing = map[header.name] { map[header.name] = existing + ", " + header.value } else { map[header.name] = header.value }
        }
        return map
    }
}

/// The backoff jitter of one executor: a seeded generator behind a lock.
final class JitterSource: Sendable {
    private let generator: Mutex<SeededRandomNumberGenerator>

    init(seed: UInt64?) {
        var system = SystemRandomNumberGenerator()
        generator = Mutex(SeededRandomNumberGenerator(seed: seed ?? system.next()))
    }

    func decide(_ state: inout RetryState, _ classification: ResponseClassification, headers: [String: String], now: Date) -> RetryDecision {
        generator.withLock { random in state.decide(classification, headers: headers, now: now, using: &random) }
    }
}
