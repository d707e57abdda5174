import Foundation

/// When an undelivered outbox job is tried again, and when it is given up.
///
/// - A permanent refusal of the record (``RecordOutcome/failed(_:)``: an invalid email, a 400 for
///   a lone record) goes to the dead letters at once: repeating it cannot succeed.
/// - A transient failure (``RecordOutcome/retry(_:)``, ``BatchOutcome/retryAll(_:serverWait:)``)
///   retries after exponential backoff with full jitter (``BackoffPolicy``), never sooner than
///   the server's `Retry-After`.
/// - It goes to the dead letters only when it has failed ``maxAttempts`` times **and**
///   ``minimumWindow`` has passed since its first attempt: a short outage cannot use up
///   the attempts of a job, and a long one does not dead-letter a job tried only twice.
/// - A replay starts the count and the window again (``DeliveryAttempts/replayed(at:)``).
///
/// ```swift
/// let attempts = job.attempts.recording(attemptAt: now)
/// switch policy.decide(.retry(failure), attempts: attempts, serverWait: wait, now: now, using: &random) {
/// case .done: try await outbox.markDone(job)
/// case let .retry(at): try await outbox.reschedule(job, at: at, attempts: attempts)
/// case let .deadLetter(reason): try await outbox.deadLetter(job, reason: reason)
/// }
/// ```
public struct DeliveryPolicy: Sendable, Hashable {
    /// The waits between attempts (only its `base`, `factor` and `cap` are used).
    public var backoff: BackoffPolicy
    /// Failed attempts before a job may go to the dead letters.
    public var maxAttempts: Int
    /// Seconds since the first attempt before a job may go to the dead letters.
    public var minimumWindow: TimeInterval

    /// 10 attempts and 24 hours; waits from 5 s doubling up to 30 minutes.
    public init(
        backoff: BackoffPolicy = BackoffPolicy(base: 5, factor: 2, cap: 1800), maxAttempts: Int = 10,
        minimumWindow: TimeInterval = 86_400
    ) {
        self.backoff = backoff
        self.maxAttempts = max(1, maxAttempts)
        self.minimumWindow = max(0, minimumWindow)
    }

    public static let `default` = DeliveryPolicy()

    /// The decision for a job after an attempt whose record had `outcome`.
    /// - Parameters:
    ///   - attempts: the job's bookkeeping **including** the attempt just made.
    ///   - serverWait: seconds the server demanded (`Retry-After`), if any.
    public func decide(
        _ outcome: RecordOutcome, attempts: DeliveryAttempts, serverWait: TimeInterval? = nil, now: Date,
        using random: inout some RandomNumberGenerator
    ) -> DeliveryDecision {
        switch outcome {
        case .delivered:
            return .done
        case .failed(let failure):
            return .deadLetter(reason: "rejected: \(failure)")
        case .retry(let failure):
            if isExhausted(attempts, now: now) {
                let window = DurationText.format(elapsed(attempts, now: now))
                return .deadLetter(reason: "\(failure); gave up after \(attempts.count) attempts over \(window)")
            }
            let wait = max(backoff.delay(forRetry: max(1, attempts.count), using: &random), serverWait ?? 0)
            return .retry(at: now.addingTimeInterval(wait))
        }
    }

    /// True when a job with these attempts may go to the dead letters: `maxAttempts` reached
    /// and `minimumWindow` passed since the first attempt.
    public func isExhausted(_ attempts: DeliveryAttempts, now: Date) -> Bool {
        attempts.count >= maxAttempts && elapsed(attempts, now: now) >= minimumWindow
    }

    private func elapsed(_ attempts: DeliveryAttempts, now: Date) -> TimeInterval {
        attempts.firstAttemptAt.map { now.timeIntervalSince($0) } ?? 0
    }
}
