import Foundation
import KontorCore
import KontorStore

/// The checks every ``KontorStore/OutboxStore`` must pass: plan commits, claims and
/// leases, per-profile order, supersession, idempotency among unfinished jobs,
/// settling, replay, purge, counts and delivery totals.
///
/// ```swift
/// let suite = OutboxConformance(makeStore: { let s = try SQLiteStore.inMemory(); try await s.migrate(); return s })
/// try await suite.checkLeaseExpiry()
/// ```
public struct OutboxConformance: Sendable {
    /// Makes a new, empty, migrated store; called once per check.
    public typealias MakeStore = @Sendable () async throws -> any OutboxStore

    let makeStore: MakeStore

    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Every check by name.
    public static let allChecks: [(name: String, run: @Sendable (OutboxConformance) async throws -> Void)] = [
        ("commitPlanWritesJobsAndState", { try await $0.checkCommitPlanWritesJobsAndState() }),
        ("failedPlanningWritesNothing", { try await $0.checkFailedPlanningWritesNothing() }),
        ("claimLeasesDueJobs", { try await $0.checkClaimLeasesDueJobs() }),
        ("leaseExpiry", { try await $0.checkLeaseExpiry() }),
        ("release", { try await $0.checkRelease() }),
        ("perProfileOrder", { try await $0.checkPerProfileOrder() }),
        ("supersession", { try await $0.checkSupersession() }),
        ("idempotencyAmongUnfinishedJobs", { try await $0.checkIdempotencyAmongUnfinishedJobs() }),
        ("settleRetryAndDeadLetter", { try await $0.checkSettleRetryAndDeadLetter() }),
        ("replay", { try await $0.checkReplay() }),
        ("purge", { try await $0.checkPurge() }),
        ("counts", { try await $0.checkCounts() }),
        ("rejectsInvalidClaims", { try await $0.checkRejectsInvalidClaims() }),
        ("deliveryTotals", { try await $0.checkDeliveryTotals() }),
    ]

    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    /// A payload for profile `id`.
    static func payload(_ id: String, _ name: String = "x") -> JSONValue {
        ["email_address": .string("\(id)@example.com"), "merge_fields": ["FNAME": .string(name)]]
    }

    static func job(_ destination: String, _ id: String, _ operation: OutboxOperation, _ name: String = "x") -> PlannedJob {
        let payload = payload(id, name)
        return PlannedJob(
            destination: destination, profileID: id, operation: operation, payload: payload,
            payloadHash: PayloadHash.of(payload))
    }

    /// Commits `jobs` (and a matching state change per job) for `destination` at `now`.
    @discardableResult
    static func enqueue(
        _ jobs: [PlannedJob], destination: String = "newsletter", in store: any OutboxStore, now: Date = start
    ) async throws -> EnqueueResult {
        let plan = ActivationPlan(
            destination: destination, jobs: jobs,
            stateChanges: jobs.map { job in
                job.operation == .remove
                    ? .delete(profileID: job.profileID)
                    : .put(DestinationStateEntry(profileID: job.profileID, payloadHash: job.payloadHash, payload: job.payload))
            })
        return try await store.commitPlan(destination: destination, now: now) { _ in plan }.result
    }

    /// Adds for profiles `ids` of `destination`.
    static func adds(_ ids: [String], destination: String = "newsletter") -> [PlannedJob] {
        ids.map { job(destination, $0, .add) }
    }

    /// Fails with `message` unless `condition` holds.
    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        if !condition { throw ConformanceFailure(message(), file: file, line: line) }
    }

    /// Fails unless `actual == expected`.
    func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if actual != expected { throw ConformanceFailure("\(what): expected \(expected), got \(actual)", file: file, line: line) }
    }
}
