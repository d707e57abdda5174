import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Writes the messages of concurrent ingest requests to the event log in
/// shared transactions, and answers each request only once its messages are
/// committed.
///
/// Why: a durable commit costs a disk sync; one per request caps ingest at the
/// disk's sync rate. Here, while one transaction commits, new requests queue
/// up; the next transaction takes all of them (up to `maxMessagesPerCommit`,
/// whole requests only). Under load, groups grow with concurrency, so
/// throughput scales with it; an idle server commits a lone request at once,
/// with no added delay.
///
/// Each request keeps its own result (inserted and duplicate counts). When a
/// group's transaction fails, its requests are retried one by one, so one bad
/// request cannot fail the others. A store that cannot write makes the
/// waiting requests fail with ``GroupCommitWriter/Failure/unavailable(_:)``.
///
/// It is a `Service`: run it in the same `ServiceGroup` as the HTTP server,
/// listed before it, so that on shutdown the server stops taking requests
/// first and the writer then commits everything queued before it returns.
///
/// ```swift
/// let writer = GroupCommitWriter(store: store, logger: logger)
/// let result = try await writer.append(messages, source: "ingest")   // after commit
/// ```
public final class GroupCommitWriter: Service, Sendable {
    /// Why an append was not stored.
    public enum Failure: Error, Sendable, Hashable {
        /// The store refused these messages (an invalid argument or an encoding problem).
        case rejected(String)
        /// The store cannot write now, or the writer is shutting down; retry later.
        case unavailable(String)
    }

    private let store: any KontorStore
    private let queue = CommitQueue()
    private let maxMessagesPerCommit: Int
    private let logger: Logger
    private let metrics: ServerMetrics?

    /// - Parameter metrics: where committed messages are counted (`kontor_ingest_*`), if anywhere.
    public init(store: any KontorStore, maxMessagesPerCommit: Int = 5000, metrics: ServerMetrics? = nil, logger: Logger) {
        self.store = store
        self.maxMessagesPerCommit = max(1, maxMessagesPerCommit)
        self.metrics = metrics
        self.logger = logger
    }

    /// Stores `messages` (deduplicated by `(source, messageId)`) and returns once
    /// they are committed, all together or not at all.
    public func append(_ messages: [Message], source: String) async throws(Failure) -> AppendResult {
        guard !messages.isEmpty else { return AppendResult() }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let pending = PendingAppend(messages: messages, source: source, continuation: continuation)
                if !queue.put(pending) {
                    continuation.resume(throwing: Failure.unavailable("the server is shutting down"))
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unavailable("the store did not answer")
        }
    }

    /// Whether the writer still accepts appends (false once shutdown began).
    public var isAccepting: Bool { !queue.isClosed }

    /// Commits queued appends until graceful shutdown, then drains the queue and returns.
    public func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await commitLoop()
            } onGracefulShutdown: { [queue] in
                queue.close()
            }
        } onCancel: { [queue] in
            queue.close()
        }
    }

    private func commitLoop() async {
        while let group = await queue.next(maxMessages: maxMessagesPerCommit) {
            await commit(group)
        }
    }

    private func commit(_ group: [PendingAppend]) async {
        let work = group.map { (messages: $0.messages, source: $0.source) }
        do {
            let results = try await store.transaction { transaction in
                try work.map { try transaction.append($0.messages, source: $0.source) }
            }
            for (pending, result) in zip(group, results) {
                metrics?.ingest.committed(pending.messages, source: pending.source, duplicates: result.duplicates)
                pending.continuation.resume(returning: result)
            }
            let messageCount = work.reduce(0) { $0 + $1.messages.count }
            logger.trace(
                "group committed", metadata: ["kontor.requests": "\(group.count)", "kontor.messages": "\(messageCount)"])
        } catch {
            guard group.count > 1 else {
                group[0].continuation.resume(throwing: failure(for: error))
                return
            }
            for pending in group { await commitAlone(pending) }
        }
    }

    private func commitAlone(_ pending: PendingAppend) async {
        do {
            let result = try await store.append(pending.messages, source: pending.source)
            metrics?.ingest.committed(pending.messages, source: pending.source, duplicates: result.duplicates)
            pending.continuation.resume(returning: result)
        } catch {
            pending.continuation.resume(throwing: failure(for: error))
        }
    }

    /// The failure a store error means for the waiting request; unavailability is logged here,
    /// since the client is only told to retry.
    private func failure(for error: any Error) -> Failure {
        guard let error = error as? StoreError else {
            logger.error("event log commit failed", metadata: ["error.type": "\(type(of: error))"])
            return .unavailable("the store failed to commit")
        }
        switch error.kind {
        case .invalidArgument, .encoding:
            return .rejected(error.message)
        default:
            logger.error("event log commit failed", metadata: ["kontor.store_error": "\(error.message)"])
            return .unavailable(error.message)
        }
    }
}
