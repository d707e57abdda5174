import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Delivers the outbox jobs of one destination: claim due jobs with a lease,
/// cut them into batches (``KontorCore/BatchPlanner``), send each batch once
/// (``DeliverySender``), and settle each job by its record's outcome through
/// ``KontorCore/DeliveryPolicy``: done, retry at a jittered backoff that honours
/// `Retry-After`, or dead letter.
///
/// - A batch the destination refuses as a whole (a 4xx naming no record) is split in
///   halves until the bad record is found; the halves do not count as attempts.
/// - When the destination fails as a whole (5xx, 429, unreachable), the round stops:
///   the jobs not yet sent are handed back unsent, so an outage costs one request per round.
/// - A `Retry-After` the destination demands holds the whole destination (``hold``): no
///   request goes to it before the pause ends.
/// - Each destination has its own worker, so one destination's outage never slows another.
/// - At graceful shutdown the worker hands its leases back; after a crash they expire.
///
/// ```swift
/// let worker = DeliveryWorker(destination: compiled, outbox: store, sender: sender, clock: clock, owner: "node-1")
/// let report = try await worker.runOnce()     // CLI and tests: deliver what is due now
/// ```
public struct DeliveryWorker: Service {
    public let destination: ActivationDestination
    public let outbox: any OutboxStore
    public let sender: DeliverySender
    public let clock: any KontorClock
    public var policy: DeliveryPolicy
    /// The lease owner: unique per process and destination.
    public let owner: String
    /// How long a claim holds its jobs; a crashed worker's jobs are claimed again after it.
    public var leaseDuration: TimeInterval
    /// Jobs claimed at once: by default two waves of full batches (batch size × concurrency),
    /// at least 100 and at most 10,000 unless one wave alone is larger.
    public var claimLimit: Int
    /// How often the service looks for new jobs when nothing is due.
    public var pollInterval: TimeInterval
    public var logger: Logger
    /// Called after each round's outcomes are settled in the outbox (progress output, crash tests).
    public var afterRound: (@Sendable (DeliveryReport) -> Void)?
    /// The pause the destination demanded last (`Retry-After`), shared by copies of this worker.
    public let hold = DestinationHold()
    let jitter: DeliveryJitter

    public init(
        destination: ActivationDestination, outbox: any OutboxStore, sender: DeliverySender, clock: any KontorClock,
        owner: String, policy: DeliveryPolicy = .default, leaseDuration: TimeInterval = 600, claimLimit: Int? = nil,
        pollInterval: TimeInterval = 5, jitter: DeliveryJitter = DeliveryJitter(),
        logger: Logger = Logger(label: "kontor.delivery")
    ) {
        self.destination = destination
        self.outbox = outbox
        self.sender = sender
        self.clock = clock
        self.owner = owner + "/" + destination.name
        self.policy = policy
        self.leaseDuration = leaseDuration
        let largest = [OutboxOperation.add, .update, .remove].compactMap { try? destination.route(for: $0).limits.size }.max() ?? 1
        let perWave = largest * destination.concurrency
        self.claimLimit = claimLimit ?? min(max(10_000, perWave), max(100, perWave * 2))
        self.pollInterval = pollInterval
        self.jitter = jitter
        self.logger = logger
    }

    /// Delivers every job due now and returns what happened. With `drain`, partial batches go
    /// at once instead of waiting for `max_wait`. Stops early when the destination fails as a whole.
    public func runOnce(drain: Bool = true) async throws(StoreError) -> DeliveryReport {
        var report = DeliveryReport(destination: destination.name)
        while !Task.isCancelled && !hold.isHolding(at: clock.now) {
            let jobs = try await outbox.claim(
                destination: destination.name, owner: owner, limit: claimLimit, leaseFor: leaseDuration, now: clock.now)
            if jobs.isEmpty { break }
            let round = try await deliver(jobs, drain: drain)
            report.add(round)
            afterRound?(round)
            if round.destinationFailed || jobs.count < claimLimit && round.handedBack > 0 { break }
        }
        if report.requests > 0 { log(report) }
        return report
    }

    /// Delivers as jobs come due until graceful shutdown, then hands the leases back.
    public func run() async throws {
        defer { logger.debug("delivery worker stopped", metadata: ["kontor.destination": "\(destination.name)"]) }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await runOnce(drain: false)
            } catch {
                logger.error("delivery round failed", metadata: ["kontor.destination": "\(destination.name)", "error": "\(error)"])
            }
            let wake = await nextWake()
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(until: wake) }
            } catch {
                break
            }
        }
        _ = try? await outbox.release(owner: owner)
    }

    /// When to look again: the earliest due job, within the poll interval, at least a second away.
    private func nextWake() async -> Date {
        let now = clock.now
        let latest = now.addingTimeInterval(pollInterval)
        if let until = hold.until, until > now { return until }
        guard let next = try? await outbox.list(destination: destination.name, state: .pending, limit: 1).first,
            let due = next.isLeased(at: now) ? next.leaseUntil : next.attempts.nextAttemptAt
        else { return latest }
        return min(latest, max(due, now.addingTimeInterval(1)))
    }

    private func log(_ report: DeliveryReport) {
        var metadata: Logger.Metadata = [
            "kontor.destination": "\(destination.name)", "requests": "\(report.requests)",
            "delivered": "\(report.delivered)", "retried": "\(report.retried)", "dead": "\(report.deadLettered)",
        ]
        if let error = report.lastError { metadata["last_error"] = "\(error)" }
        logger.info("delivered", metadata: metadata)
    }
}
