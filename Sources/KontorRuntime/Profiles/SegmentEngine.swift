import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Keeps segment memberships current: evaluates dirty profiles after each
/// profile batch, and time-dependent segments (rules reading the clock, a
/// windowed computed trait or RFM recency) on a schedule. Every change is a
/// membership stay opened or closed with its time and reason, written in the
/// same transaction that clears the profiles' dirty marks.
///
/// ```swift
/// let engine = SegmentEngine(store: store, model: model, clock: SystemClock())
/// _ = try await engine.evaluateDirty()                      // after `kontor profiles build`
/// let preview = try await engine.preview("vip", limit: 10)  // `kontor segments preview vip`
/// ```
public struct SegmentEngine: Service {
    public let store: any ProfileStore
    public let model: ProfileModel
    let clock: any KontorClock
    let batchSize: Int
    let pollInterval: TimeInterval
    let timeInterval: TimeInterval
    let afterPass: @Sendable (SegmentPassSummary) -> Void
    let logger: Logger
    private let doorbell = Doorbell()

    /// - Parameters:
    ///   - batchSize: profiles per transaction.
    ///   - pollInterval: how often `run()` looks for dirty profiles when not woken by ``notify()``.
    ///   - timeInterval: how often `run()` re-evaluates time-dependent segments over every profile.
    ///   - afterPass: called by `run()` after each pass that evaluated profiles (e.g. to wake activation).
    public init(
        store: any ProfileStore, model: ProfileModel, clock: any KontorClock, batchSize: Int = 500,
        pollInterval: TimeInterval = 5, timeInterval: TimeInterval = 3600,
        afterPass: @escaping @Sendable (SegmentPassSummary) -> Void = { _ in },
        logger: Logger = Logger(label: "kontor.segments")
    ) {
        self.store = store
        self.model = model
        self.clock = clock
        self.batchSize = max(1, batchSize)
        self.pollInterval = pollInterval
        self.timeInterval = timeInterval
        self.afterPass = afterPass
        self.logger = logger
    }

    /// Wakes `run()` to evaluate dirty profiles now (the profile builder calls it after a batch).
    public func notify() { doorbell.ring() }

    /// Evaluates every segment on each dirty profile (closing the memberships of merged-away
    /// ones) and clears the marks, chunk by chunk, until no profile is dirty.
    public func evaluateDirty() async throws -> SegmentPassSummary {
        let started = ContinuousClock.now
        var total = SegmentPassSummary()
        while true {
            let model = self.model
            let now = clock.now
            let size = batchSize
            let chunk = try await store.profileTransaction { tx -> SegmentPassSummary? in
                let profiles = try tx.dirtyProfiles(limit: size)
                guard !profiles.isEmpty else { return nil }
                let pass = MembershipPass(model: model, now: now)
                let summary = try pass.apply(to: profiles, only: nil, in: tx)
                try tx.clearDirty(profiles.map(\.id))
                return summary
            }
            guard let chunk else {
                RuntimeMetrics.segmentPass("dirty", evaluated: total.evaluated + total.removed, since: started)
                return total
            }
            total = total.adding(chunk)
        }
    }

    /// Evaluates `only` these segments (every segment when `nil`) on every live profile.
    public func evaluateAll(only names: Set<String>? = nil) async throws -> SegmentPassSummary {
        let started = ContinuousClock.now
        var total = SegmentPassSummary()
        var after: ProfileID?
        while true {
            let model = self.model
            let now = clock.now
            let size = batchSize
            let start = after
            let chunk = try await store.profileTransaction { tx -> (SegmentPassSummary, ProfileID)? in
                let profiles = try tx.profiles(after: start, limit: size)
                guard let last = profiles.last else { return nil }
                let pass = MembershipPass(model: model, now: now)
                return (try pass.apply(to: profiles, only: names, in: tx), last.id)
            }
            guard let (summary, last) = chunk else {
                RuntimeMetrics.segmentPass("all", evaluated: total.evaluated + total.removed, since: started)
                return total
            }
            total = total.adding(summary)
            after = last
        }
    }

    /// Re-evaluates the segments whose membership can change with time alone.
    public func evaluateTimeDependent() async throws -> SegmentPassSummary {
        let names = model.segments.timeDependentNames
        guard !names.isEmpty else { return SegmentPassSummary() }
        return try await evaluateAll(only: names)
    }

    /// Evaluates `segment` on every live profile without saving anything.
    public func preview(_ segment: String, limit: Int) async throws -> SegmentPreview {
        var preview = SegmentPreview(segment: segment)
        preview.currentMembers = try await store.profileRead { try $0.segmentSizes()[segment] ?? 0 }
        var after: ProfileID?
        while true {
            let model = self.model
            let now = clock.now
            let size = batchSize
            let start = after
            let (profiles, outcomes) = try await store.profileRead { reader in
                let profiles = try reader.profiles(after: start, limit: size)
                let outcomes = profiles.map { model.segments.evaluate(model.view(of: $0, at: now), now: now, only: [segment])[segment] }
                return (profiles.map(\.id), outcomes)
            }
            guard let last = profiles.last else { return preview }
            for (id, outcome) in zip(profiles, outcomes) {
                preview.evaluated += 1
                switch outcome {
                case .member?:
                    preview.matching += 1
                    if preview.sample.count < limit { preview.sample.append(id) }
                case .failed(let error)?:
                    preview.failures += 1
                    if preview.firstFailure == nil { preview.firstFailure = "\(id): \(error.description)" }
                default:
                    break
                }
            }
            after = last
        }
    }

    /// Evaluates every segment once, then dirty profiles as they come and time-dependent
    /// segments every `timeInterval`, until graceful shutdown.
    public func run() async throws {
        logger.info("segment engine started")
        report(try await evaluateAll())
        var nextTimePass = clock.now.addingTimeInterval(timeInterval)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            report(try await evaluateDirty())
            if clock.now >= nextTimePass {
                report(try await evaluateTimeDependent())
                nextTimePass = clock.now.addingTimeInterval(timeInterval)
            }
            do {
                let deadline = min(nextTimePass, clock.now.addingTimeInterval(pollInterval))
                try await cancelWhenGracefulShutdown { try await self.doorbell.wait(until: deadline, on: self.clock) }
            } catch is CancellationError {
                break
            }
        }
        logger.info("segment engine stopped")
    }

    private func report(_ pass: SegmentPassSummary) {
        guard pass.evaluated + pass.removed > 0 else { return }
        if pass.entered + pass.exited > 0 {
            logger.info("segments updated", metadata: ["kontor.entered": "\(pass.entered)", "kontor.exited": "\(pass.exited)"])
        }
        afterPass(pass)
    }
}
