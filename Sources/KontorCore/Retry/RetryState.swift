import Foundation

/// The retry state machine of one request (or one outbox job): fed the
/// classification of each attempt, it answers with a ``RetryDecision``.
///
/// - `success`, `ignore` → `.done`.
/// - `fail` → `.giveUp` with the classification's failure kind.
/// - `refresh_auth` → `.refreshAuthAndRetry` the first time; a second one gives up as `config_error`.
/// - `retry`, `rate_limited` → `.retryAfter(max(jittered backoff, server-demanded wait))`,
///   unless the policy's limits are used up, or the server demands more than `maxServerWait`.
///   `rate_limited` does not use up `maxAttempts`; only `maxElapsed` bounds it.
///
/// It is a value with no clock: time comes in as `now`. An outbox job rebuilds it
/// from its stored attempt count and first-attempt time.
///
/// ```swift
/// var state = RetryState(policy: .default, startedAt: clock.now)
/// var random = SystemRandomNumberGenerator()
/// switch state.decide(classifier.classify(exchange, now: clock.now), headers: headers, now: clock.now, using: &random) {
/// case .done: ...
/// case let .retryAfter(wait): try await clock.sleep(for: wait)
/// case .refreshAuthAndRetry: try await auth.refresh()
/// case let .giveUp(reason): throw DeliveryError(reason)
/// }
/// ```
public struct RetryState: Sendable, Hashable {
    public var policy: BackoffPolicy
    public var waitRules: ServerWaitRules
    /// The longest server-demanded wait Kontor accepts; more gives up (Airbyte's `max_waiting_time`).
    public var maxServerWait: TimeInterval
    /// When the first attempt was made.
    public let startedAt: Date
    /// Retries caused by `retry` responses so far.
    public private(set) var retries: Int
    /// Retries caused by `rate_limited` responses so far.
    public private(set) var rateLimitedRetries: Int
    /// Whether the credentials were refreshed already.
    public private(set) var refreshedAuth: Bool

    public init(
        policy: BackoffPolicy = .default, waitRules: ServerWaitRules = ServerWaitRules(),
        maxServerWait: TimeInterval = 3600, startedAt: Date,
        retries: Int = 0, rateLimitedRetries: Int = 0, refreshedAuth: Bool = false
    ) {
        self.policy = policy
        self.waitRules = waitRules
        self.maxServerWait = maxServerWait
        self.startedAt = startedAt
        self.retries = retries
        self.rateLimitedRetries = rateLimitedRetries
        self.refreshedAuth = refreshedAuth
    }

    /// The decision after an attempt classified as `classification`, whose
    /// response carried `headers` (empty for a transport failure).
    public mutating func decide(
        _ classification: ResponseClassification, headers: [String: String] = [:], now: Date,
        using random: inout some RandomNumberGenerator
    ) -> RetryDecision {
        switch classification.action {
        case .success, .ignore:
            return .done
        case .fail:
            return .giveUp(GiveUpReason(classification.failure ?? .systemError, classification.message))
        case .refreshAuth:
            guard !refreshedAuth else {
                return .giveUp(GiveUpReason(.configError, "\(classification.message) (still refused after refreshing the credentials)"))
            }
            refreshedAuth = true
            return .refreshAuthAndRetry
        case .retry, .rateLimited:
            return retry(classification, headers: headers, now: now, using: &random)
        }
    }

    private mutating func retry(
        _ classification: ResponseClassification, headers: [String: String], now: Date,
        using random: inout some RandomNumberGenerator
    ) -> RetryDecision {
        let rateLimited = classification.action == .rateLimited
        if rateLimited { rateLimitedRetries += 1 } else { retries += 1 }
        let failure = classification.failure ?? .transientError
        let serverWait = waitRules.demandedWait(headers: headers, rateLimited: rateLimited, now: now) ?? 0
        if serverWait > maxServerWait {
            return .giveUp(GiveUpReason(
                failure,
                "\(classification.message); the server asks to wait \(DurationText.format(serverWait)), more than the \(DurationText.format(maxServerWait)) allowed"
            ))
        }
        let backoff = policy.delay(forRetry: retries + rateLimitedRetries, using: &random)
        let wait = max(backoff, serverWait)
        let elapsedAtRetry = now.timeIntervalSince(startedAt) + wait
        let windowUsed = elapsedAtRetry > policy.maxElapsed
        let attemptsUsed = retries > policy.maxAttempts
        let exhausted: Bool =
            if rateLimited {
                windowUsed
            } else {
                switch policy.giveUpWhen {
                case .attemptsOrElapsed: attemptsUsed || windowUsed
                case .attemptsAndElapsed: attemptsUsed && windowUsed
                }
            }
        guard !exhausted else {
            let limit = attemptsUsed && !rateLimited
                ? "after \(policy.maxAttempts) retries"
                : "after retrying for \(DurationText.format(policy.maxElapsed))"
            return .giveUp(GiveUpReason(failure, "\(classification.message); gave up \(limit)"))
        }
        return .retryAfter(wait)
    }
}
