import Foundation

/// The retry bookkeeping of one outbox job (its `attempts`, first-attempt time
/// and `next_attempt_at` columns).
public struct DeliveryAttempts: Sendable, Hashable {
    /// Attempts made so far.
    public var count: Int
    /// When the first attempt was made; `nil` before any.
    public var firstAttemptAt: Date?
    /// When the job may be claimed again; `nil`: now.
    public var nextAttemptAt: Date?

    public init(count: Int = 0, firstAttemptAt: Date? = nil, nextAttemptAt: Date? = nil) {
        self.count = count
        self.firstAttemptAt = firstAttemptAt
        self.nextAttemptAt = nextAttemptAt
    }

    /// A fresh job: no attempts.
    public static let none = DeliveryAttempts()

    /// After an attempt at `now`: one more, and the first-attempt time set if it was not.
    public func recording(attemptAt now: Date) -> DeliveryAttempts {
        DeliveryAttempts(count: count + 1, firstAttemptAt: firstAttemptAt ?? now, nextAttemptAt: nil)
    }

    /// A replayed job (`kontor queue replay`): attempts and window start again, due at `now`.
    public static func replayed(at now: Date) -> DeliveryAttempts {
        DeliveryAttempts(count: 0, firstAttemptAt: nil, nextAttemptAt: now)
    }
}
