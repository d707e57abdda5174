import Foundation

/// What the delivery worker does with a job after an attempt.
public enum DeliveryDecision: Sendable, Hashable {
    /// Delivered: mark the job done.
    case done
    /// Put the job back, claimable again at this time.
    case retry(at: Date)
    /// Move the job to the dead letters with this reason.
    case deadLetter(reason: String)
}
