import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Turns the event log into profiles: reads it in order from its committed
/// position and, per batch, resolves identities, creates, attaches and merges
/// profiles, folds traits, computed traits and consent, marks the profiles
/// dirty for the segment engine, records merges in `merges` and the audit
/// log, and commits all of it with the new position in one transaction.
///
/// A crash loses at most the batch in flight, which the next run replays to
/// the same result (new profile ids derive from message ids).
///
/// ```swift
/// let builder = ProfileBuilder(store: store, model: try ProfileModel(deployment), clock: SystemClock(),
///                              afterBatch: { _ in engine.notify() })
/// let summary = try await builder.catchUp()           // `kontor profiles build`
/// try await ServiceGroup(services: [builder, engine], …).run()   // `kontor run`
/// ```
public struct ProfileBuilder: Service {
    /// The consumer name of the builder's log position.
    public static let consumer = "profiles"

    public let store: any ProfileStore
    public let model: ProfileModel
    let clock: any KontorClock
    let batchSize: Int
    let pollInterval: TimeInterval
    let afterBatch: @Sendable (BuildSummary) -> Void
    let logger: Logger
    private let doorbell = Doorbell()

    /// - Parameters:
    ///   - batchSize: events per transaction (at least 1).
    ///   - pollInterval: how long `run()` waits for new events when caught up (unless ``notify()`` rings).
    ///   - afterBatch: called after each committed batch that processed events (e.g. to wake the segment engine).
    public init(
        store: any ProfileStore, model: ProfileModel, clock: any KontorClock, batchSize: Int = 500,
        pollInterval: TimeInterval = 1, afterBatch: @escaping @Sendable (BuildSummary) -> Void = { _ in },
        logger: Logger = Logger(label: "kontor.profiles")
    ) {
        self.store = store
        self.model = model
        self.clock = clock
        self.batchSize = max(1, batchSize)
        self.pollInterval = pollInterval
        self.afterBatch = afterBatch
        self.logger = logger
    }

    /// Processes one batch after the committed position; `events == 0` when the log holds nothing new.
    public func runOnce() async throws -> BuildSummary {
        let model = self.model
        let now = clock.now
        let size = batchSize
        let summary = try await store.profileTransaction { tx in
            let position = try tx.position(consumer: Self.consumer)
            let events = try tx.read(after: position, limit: size)
            var batch = ProfileBatch(tx: tx, model: model, now: now)
            for event in events { try batch.apply(event) }
            try batch.flush()
            if let last = events.last { try tx.setPosition(last.seq, consumer: Self.consumer) }
            var summary = batch.summary
            summary.position = events.last?.seq ?? position
            return summary
        }
        if summary.events > 0 {
            RuntimeMetrics.profileBatch(events: summary.events)
            logger.debug("profile batch committed", metadata: ["kontor.position": "\(summary.position)"])
            afterBatch(summary)
        }
        return summary
    }

    /// Processes batches until the log holds nothing new (or `shouldStop` says so between batches).
    public func catchUp(shouldStop: @Sendable () -> Bool = { false }) async throws -> BuildSummary {
        var total = BuildSummary()
        while !shouldStop() {
            let batch = try await runOnce()
            total = total.adding(batch)
            if batch.events < batchSize { break }
        }
        return total
    }

    /// Wakes `run()` when it waits for new events (e.g. after an ingest).
    public func notify() { doorbell.ring() }

    /// Catches up, then waits for new events, until graceful shutdown; a batch in flight completes first.
    public func run() async throws {
        logger.info("profile builder started")
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let summary = try await catchUp(shouldStop: { Task.isShuttingDownGracefully || Task.isCancelled })
            if summary.events > 0 {
                let metadata = Dictionary(uniqueKeysWithValues: summary.counts.map { ("kontor.\($0.key)", Logger.MetadataValue.stringConvertible($0.value)) })
                logger.info("profiles built", metadata: metadata)
            }
            do {
                let deadline = clock.now.addingTimeInterval(pollInterval)
                try await cancelWhenGracefulShutdown { try await self.doorbell.wait(until: deadline, on: self.clock) }
            } catch is CancellationError {
                break
            }
        }
        logger.info("profile builder stopped")
    }
}
