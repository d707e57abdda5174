import Foundation
import KontorCore

/// One outbox job: an operation on one profile at one destination, waiting
/// to be delivered (``OutboxJobState/pending``) or given up
/// (``OutboxJobState/dead``, a row of `dead_letters`).
///
/// A pending job is *leased* while ``leaseOwner`` holds it and ``leaseUntil``
/// is in the future; a lease that has ended makes the job claimable again, so
/// the jobs of a crashed worker are delivered by the next one.
///
/// ```swift
/// let jobs = try await outbox.claim(destination: "newsletter", owner: "node-1/newsletter",
///                                   limit: 500, leaseFor: 300, now: clock.now)
/// let plan = BatchPlanner(limits: limits).plan(jobs, now: clock.now)   // OutboxJob is a BatchItem
/// ```
public struct OutboxJob: Sendable, Hashable, Identifiable, BatchItem {
    /// The row id; increases with enqueue order (dead letters keep the id of their job).
    public var id: Int64
    public var destination: String
    public var profileID: String
    public var operation: OutboxOperation
    /// What to send (for a remove: the payload the destination holds).
    public var payload: JSONValue
    /// ``PayloadHash`` of ``payload``.
    public var payloadHash: String
    /// ``IdempotencyKey`` of the job; unique among pending jobs.
    public var idempotencyKey: String
    public var state: OutboxJobState
    /// Attempts, first attempt and next attempt (`nextAttemptAt` is when a pending job is due).
    public var attempts: DeliveryAttempts
    /// When the last attempt was made.
    public var lastAttemptAt: Date?
    public var leaseOwner: String?
    public var leaseUntil: Date?
    /// Why the last attempt failed; for a dead job, why it was given up.
    public var lastError: String?
    /// When the job was enqueued.
    public var enqueuedAt: Date
    /// When the job went to the dead letters (dead jobs only).
    public var deadAt: Date?

    public init(
        id: Int64, destination: String, profileID: String, operation: OutboxOperation, payload: JSONValue,
        payloadHash: String, idempotencyKey: String, state: OutboxJobState = .pending,
        attempts: DeliveryAttempts = .none, lastAttemptAt: Date? = nil, leaseOwner: String? = nil,
        leaseUntil: Date? = nil, lastError: String? = nil, enqueuedAt: Date, deadAt: Date? = nil
    ) {
        self.id = id
        self.destination = destination
        self.profileID = profileID
        self.operation = operation
        self.payload = payload
        self.payloadHash = payloadHash
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.attempts = attempts
        self.lastAttemptAt = lastAttemptAt
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.deadAt = deadAt
    }

    /// Whether a worker holds the job at `now`.
    public func isLeased(at now: Date) -> Bool {
        guard leaseOwner != nil, let leaseUntil else { return false }
        return leaseUntil > now
    }
}

/// Where an outbox job stands.
public enum OutboxJobState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for delivery (perhaps leased, perhaps waiting for a retry).
    case pending
    /// Given up: in the dead letters until replayed or purged.
    case dead
}
