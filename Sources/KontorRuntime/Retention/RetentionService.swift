import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Enforces the deployment's `retention:` periods (GDPR/DSGVO storage
/// limitation): every `interval` it deletes events received longer ago than
/// `retention.events`, dead letters older than `retention.dead_letters`, and
/// finished runs older than `retention.runs`, in chunks so the writer is never
/// held for long, and records the pass in the run history (kind `retention`).
///
/// Profile computation is not disturbed: an event is deleted only once every
/// consumer of the log (the profile builder) has processed it, since a profile
/// keeps what it folded (traits, computed-trait accumulators, consent), not the
/// events; the store remembers deleted events' keys so a re-sent message stays a
/// duplicate. What is lost is the ability to re-fold deleted events: an unmerge
/// or a rebuild from position 0 sees only the events still held.
///
/// ```swift
/// let retention = RetentionService(store: store, settings: deployment.retention, clock: SystemClock())
/// let summary = try await retention.runOnce()          // one pass now
/// try await ServiceGroup(services: [retention], logger: logger).run()   // hourly in `kontor run`
/// ```
public struct RetentionService: Service {
    /// The name of the retention job in the run history.
    public static let jobName = "retention"

    public let store: any RetentionStore & RunHistory & ConsumerPositionStore
    public let settings: RetentionSettings
    let clock: any KontorClock
    let consumers: [String]
    let interval: TimeInterval
    let chunkSize: Int
    let logger: Logger

    /// - Parameters:
    ///   - consumers: the event-log consumers whose unprocessed events must stay (the profile builder's by default).
    ///   - interval: seconds between passes of `run()`; the first pass runs at start.
    ///   - chunkSize: rows deleted per transaction (at least 1).
    public init(
        store: any RetentionStore & RunHistory & ConsumerPositionStore, settings: RetentionSettings,
        clock: any KontorClock, consumers: [String] = ["profiles"], interval: TimeInterval = 3600,
        chunkSize: Int = 5_000, logger: Logger = Logger(label: "kontor.retention")
    ) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.consumers = consumers
        self.interval = interval
        self.chunkSize = max(1, chunkSize)
        self.logger = logger
    }

    /// One pass: deletes what the periods no longer allow, as of the clock's `now`, and records it as a run.
    /// Does nothing (and records nothing) when no period that this service enforces is set.
    public func runOnce(shouldStop: @Sendable () -> Bool = { false }) async throws -> RetentionSummary {
        guard settings.events != nil || settings.deadLetters != nil || settings.runs != nil else { return RetentionSummary() }
        let started = clock.now
        let run = try await store.startRun(kind: .retention, name: Self.jobName, at: started)
        do {
            let summary = try await deleteExpired(at: started, shouldStop: shouldStop)
            try await store.finishRun(run, status: .succeeded, counts: summary.counts, error: nil, at: clock.now)
            return summary
        } catch {
            try? await store.finishRun(run, status: .failed, counts: [:], error: "\(error)", at: clock.now)
            throw error
        }
    }

    /// Runs a pass at start and then every `interval`, until graceful shutdown; a chunk in flight completes first.
    /// A failed pass is logged and retried at the next interval.
    public func run() async throws {
        if settings.inactiveProfiles != nil {
            logger.warning("retention.inactive_profiles is not enforced yet: inactive profiles are kept")
        }
        guard settings.events != nil || settings.deadLetters != nil || settings.runs != nil else {
            // Returning early would end the whole service group: idle until shutdown instead.
            logger.info("retention: no period set, nothing is deleted")
            try? await gracefulShutdown()
            return
        }
        logger.info("retention job started", metadata: ["kontor.interval": "\(Int(interval))s"])
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let summary = try await runOnce(shouldStop: { Task.isShuttingDownGracefully || Task.isCancelled })
                if !summary.isEmpty {
                    logger.info("retention deleted old data", metadata: [
                        "kontor.events": "\(summary.events)", "kontor.dead_letters": "\(summary.deadLetters)",
                        "kontor.runs": "\(summary.runs)",
                    ])
                }
            } catch let error as StoreError {
                // A failed pass (a busy or locked store) is retried at the next interval, not fatal to the daemon.
                logger.error("retention pass failed", metadata: ["kontor.error": "\(error)"])
            }
            do {
                let deadline = clock.now.addingTimeInterval(interval)
                try await cancelWhenGracefulShutdown { try await self.clock.sleep(until: deadline) }
            } catch is CancellationError {
                break
            }
        }
        logger.info("retention job stopped")
    }

    private func deleteExpired(at now: Date, shouldStop: @Sendable () -> Bool) async throws -> RetentionSummary {
        var summary = RetentionSummary()
        let size = chunkSize
        if let period = settings.events {
            var through = Int64.max
            for consumer in consumers { through = min(through, try await store.position(consumer: consumer)) }
            summary.through = through
            let cutoff = now.addingTimeInterval(-period)
            summary.events = try await chunked(shouldStop) {
                try await store.deleteEvents(receivedBefore: cutoff, through: through, limit: size)
            }
        }
        if let period = settings.deadLetters {
            let cutoff = now.addingTimeInterval(-period)
            summary.deadLetters = try await chunked(shouldStop) { try await store.deleteDeadLetters(deadBefore: cutoff, limit: size) }
        }
        if let period = settings.runs {
            let cutoff = now.addingTimeInterval(-period)
            summary.runs = try await chunked(shouldStop) { try await store.deleteRuns(finishedBefore: cutoff, limit: size) }
        }
        return summary
    }

    /// Repeats `delete` while it fills whole chunks, yielding between transactions.
    private func chunked(_ shouldStop: @Sendable () -> Bool, _ delete: () async throws -> Int) async throws -> Int {
        var total = 0
        while true {
            let deleted = try await delete()
            total += deleted
            if deleted < chunkSize || shouldStop() { return total }
            await Task.yield()
        }
    }
}
