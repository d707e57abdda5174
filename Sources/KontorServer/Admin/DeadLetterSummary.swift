import Foundation
import KontorStore

/// A dead letter as the admin API lists it: which job, for whom, why it was given up.
///
/// The payload (mapped personal data) is left out; `kontor queue` shows it to
/// an operator on the machine.
public struct DeadLetterSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var destination: String
    public var profileID: String
    /// `add`, `update`, `remove` or `erase`.
    public var operation: String
    public var attempts: Int
    public var lastError: String?
    public var enqueuedAt: Date
    public var deadAt: Date?

    public init(_ job: OutboxJob) {
        self.id = job.id
        self.destination = job.destination
        self.profileID = job.profileID
        self.operation = job.operation.rawValue
        self.attempts = job.attempts.count
        self.lastError = job.lastError
        self.enqueuedAt = job.enqueuedAt
        self.deadAt = job.deadAt
    }
}
