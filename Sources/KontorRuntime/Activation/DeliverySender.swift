import Foundation
import KontorCore
import KontorHTTP

/// Sends one batch of one destination exactly once and says what became of
/// each record: credentials added, the account's rate budget respected, the
/// response classified by the plugin's rules and mapped per record.
///
/// It never retries by itself: retries are outbox decisions, made durable by
/// the ``DeliveryWorker`` (so a crash or a long outage loses no wait). The one
/// exception is a refused credential that can be renewed (OAuth): the batch is
/// sent once more with the new one.
///
/// ```swift
/// let outcome = await sender.send(payloads, route: try destination.route(for: .add))
/// ```
public struct DeliverySender: Sendable {
    public let destination: ActivationDestination
    public let transport: any HTTPTransport
    public let authenticator: any RequestAuthenticator
    /// The account's rate budget, shared with every sync of the same account.
    public let limiter: RateLimiter
    public let clock: any KontorClock

    public init(
        destination: ActivationDestination, transport: any HTTPTransport, authenticator: any RequestAuthenticator,
        limiter: RateLimiter, clock: any KontorClock
    ) {
        self.destination = destination
        self.transport = transport
        self.authenticator = authenticator
        self.limiter = limiter
        self.clock = clock
    }

    /// The outcome of sending `payloads` (in this order) with `route`.
    public func send(_ payloads: [JSONValue], route: OperationRoute) async -> BatchOutcome {
        let draft: RequestDraft
        do {
            draft = try route.draft(payloads: payloads, config: destination.settings, now: clock.now)
        } catch {
            return rejected(RecordFailure("cannot build the request: \(redact("\(error)"))"), count: payloads.count)
        }
        var cleaned = draft
        cleaned.removeQueryItems(named: authenticator.queryParameterNames)
        var refreshed = false
        while true {
            let signed: AuthenticatedDraft
            let request: HTTPRequestData
            do {
                signed = try await authenticator.authenticate(cleaned)
                request = try signed.draft.build()
            } catch {
                let failure = RecordFailure(redact("\(error)"), failure: .configError)
                return .retryAll(failure, serverWait: nil)
            }
            let path = RequestURL.path(of: request.url)
            guard await waitForBudget(method: request.method, path: path) else {
                return .retryAll(RecordFailure("cancelled before sending", failure: .transientError), serverWait: nil)
            }
            let response: HTTPResponseData
            do {
                response = try await transport.send(request, timeout: destination.timeout)
            } catch {
                let kind: TransportFailure.Kind = error.kind == .timeout ? .timeout : error.kind == .connect ? .connection : .other
                return route.mapper.map(TransportFailure(kind, redact(error.description)), count: payloads.count)
            }
            let now = clock.now
            let facts = HTTPResponseFacts(
                status: response.status, headers: Self.headerMap(response.headers), bodyText: response.text,
                body: ResponseBody.json(response.body), requestURL: RequestURL.withoutQuery(request.url))
            var verdict = route.retry.classifier.classify(.response(facts), config: destination.settings, now: now)
            // An action's `result.success_status` names statuses that mean done (Mailchimp's 404 on the
            // archive of a member already gone); it overrides the built-in 4xx verdict, not a plugin rule.
            if verdict.action == .fail, verdict.source == .builtIn,
                route.mapper.result?.successStatus?.contains(response.status) == true
            {
                verdict = ResponseClassification(action: .success, message: "HTTP \(response.status) is a success status of the action")
            }
            switch verdict.action {
            case .refreshAuth where !refreshed:
                refreshed = true
                if (try? await authenticator.refresh(generation: signed.generation)) == true { continue }
            case .rateLimited:
                await limiter.recordRateLimited(method: request.method, path: path)
            case .success, .ignore:
                await limiter.recordSuccess(method: request.method, path: path)
            default:
                break
            }
            return route.mapper.map(
                facts, records: payloads, classification: verdict, config: destination.settings, now: now)
        }
    }

    /// Waits until the rate budget allows the request; `false` when cancelled meanwhile.
    private func waitForBudget(method: String, path: String) async -> Bool {
        let now = clock.now
        let at = await limiter.reserve(method: method, path: path, now: now)
        guard at > now else { return true }
        do {
            try await clock.sleep(until: at)
            return true
        } catch {
            return false
        }
    }

    /// A batch that cannot even be sent: a lone record fails, a larger batch is split to find it.
    private func rejected(_ failure: RecordFailure, count: Int) -> BatchOutcome {
        guard count > 1 else { return .perRecord(RecordResults(outcomes: [.failed(failure)])) }
        return .bisect(failure, halves: [0..<count / 2, count / 2..<count])
    }

    private func redact(_ text: String) -> String {
        destination.redactor.redact(text)
    }

    /// Response headers as a map; repeated names joined with `, `.
    static func headerMap(_ headers: [HTTPHeader]) -> [String: String] {
        var map: [String: String] = [:]
        for header in headers {
            map[header.name] = map[header.name].map { $0 + ", " + header.value } ?? header.value
        }
        return map
    }
}
