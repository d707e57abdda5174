import Foundation

/// How long to wait between attempts, and when to stop: exponential backoff
/// with full jitter, capped.
///
/// The wait before retry `n` (1-based) is drawn uniformly from
/// `[0, min(cap, base × factorⁿ⁻¹)]` ("full jitter", which spreads retries of
/// many clients best). With the defaults the ceilings are 1 s, 2 s, 4 s, … up to 60 s.
///
/// Plugins write `retry: {max_retries: 5, max_time: 10m, backoff: [{type: exponential, factor: 5s}]}`;
/// Airbyte's exponential `factor` is a time, and maps to ``base`` here.
///
/// ```swift
/// var random = SystemRandomNumberGenerator()
/// let wait = BackoffPolicy.default.delay(forRetry: 3, using: &random)   // 0...4 s
/// ```
public struct BackoffPolicy: Sendable, Hashable {
    /// When the request counts as failed for good.
    public enum GiveUpCondition: String, Sendable, Hashable {
        /// After `maxAttempts` retries **or** once `maxElapsed` has passed, whichever comes first
        /// (one HTTP request inside a sync, as in Airbyte's `max_retries`/`max_time`).
        case attemptsOrElapsed
        /// Only after `maxAttempts` retries **and** `maxElapsed` (an outbox job: a short outage
        /// does not use up its attempts, and a long one does not dead-letter a job tried twice).
        case attemptsAndElapsed
    }

    /// The ceiling of the first retry's wait, in seconds.
    public var base: TimeInterval
    /// How much the ceiling grows with each retry.
    public var factor: Double
    /// The largest ceiling, in seconds.
    public var cap: TimeInterval
    /// How many retries (not counting the first attempt) `retry` responses may cause.
    /// `rate_limited` responses do not count; they are bounded by `maxElapsed` only.
    public var maxAttempts: Int
    /// How long, in seconds from the first attempt, retrying may go on.
    public var maxElapsed: TimeInterval
    public var giveUpWhen: GiveUpCondition

    public init(
        base: TimeInterval = 1, factor: Double = 2, cap: TimeInterval = 60, maxAttempts: Int = 5,
        maxElapsed: TimeInterval = 600, giveUpWhen: GiveUpCondition = .attemptsOrElapsed
    ) {
        self.base = base
        self.factor = factor
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.maxElapsed = maxElapsed
        self.giveUpWhen = giveUpWhen
    }

    /// 1 s × 2ⁿ, capped at 60 s; 5 retries within 10 minutes (Airbyte's defaults for the limits).
    public static let `default` = BackoffPolicy()

    /// The largest wait before retry `retry` (1-based): `min(cap, base × factor^(retry-1))`.
    public func ceiling(forRetry retry: Int) -> TimeInterval {
        let exponent = Double(max(0, retry - 1))
        let raw = max(0, base) * pow(max(1, factor), exponent)
        return raw.isFinite ? min(max(0, cap), raw) : max(0, cap)
    }

    /// A wait before retry `retry`, drawn uniformly from `[0, ceiling(forRetry:)]`.
    public func delay(forRetry retry: Int, using random: inout some RandomNumberGenerator) -> TimeInterval {
        random.nextJitter(upTo: ceiling(forRetry: retry))
    }
}
