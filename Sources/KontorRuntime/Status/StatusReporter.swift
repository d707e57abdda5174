import Foundation
import KontorCore
import KontorStore

/// Gathers a ``StatusReport`` from a deployment and its store: last runs from
/// the run history, next runs from the schedules, queue counts and delivery
/// totals from the outbox, segment sizes and the profile count from the profile store.
///
/// Reads only; safe to call while `kontor run` works on the same store.
///
/// ```swift
/// let reporter = StatusReporter(deployment: workspace.deployment, store: workspace.store, clock: SystemClock())
/// let report = try await reporter.report()
/// ```
public struct StatusReporter: Sendable {
    /// What the reporter reads: a whole store with its profiles and outbox.
    public typealias Store = KontorStore & ProfileStore & OutboxStore

    public let deployment: Deployment
    public let store: any Store
    public let clock: any KontorClock

    public init(deployment: Deployment, store: any Store, clock: any KontorClock) {
        self.deployment = deployment
        self.store = store
        self.clock = clock
    }

    /// The status now. Throws the store's error when a read fails.
    public func report() async throws -> StatusReport {
        let now = clock.now
        let schedules = Dictionary(
            try await store.schedules().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var sources: [SourceStatus] = []
        for name in deployment.sources.keys.sorted() {
            guard let source = deployment.sources[name] else { continue }
            sources.append(SourceStatus(
                name: name, plugin: source.plugin, enabled: source.enabled,
                schedule: source.schedule.map(Self.describe), lastRun: try await lastPull(of: name),
                nextRunAt: schedules["source:\(name)"]?.nextRunAt))
        }
        return StatusReport(
            generatedAt: now, sources: sources, destinations: try await destinations(now: now),
            segments: try await segments(), profiles: try await store.profileRead { try $0.profileCount() },
            store: try await storeStatus())
    }

    /// The newest pull of source `name` (run history names are shared by all kinds of run).
    private func lastPull(of name: String) async throws(StoreError) -> RunSummary? {
        if let last = try await store.lastRun(name: name), last.kind == .sync { return RunSummary(last) }
        return try await store.recentRuns(name: name, limit: 20).first { $0.kind == .sync }.map(RunSummary.init)
    }

    private func destinations(now: Date) async throws(StoreError) -> [DestinationStatus] {
        let counts = Dictionary(
            try await store.outboxCounts(now: now).map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        let totals = Dictionary(
            try await store.deliveryTotals().map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        return deployment.destinations.keys.sorted().compactMap { name in
            guard let config = deployment.destinations[name] else { return nil }
            let queue = counts[name] ?? OutboxCounts(destination: name)
            return DestinationStatus(
                name: name, plugin: config.plugin, mode: config.mode.rawValue, segments: config.segments,
                enabled: config.enabled, pending: queue.pending, inFlight: queue.leased, retrying: queue.retrying,
                dead: queue.dead, delivered: totals[name]?.delivered ?? 0, lastDeliveryAt: totals[name]?.lastDeliveredAt,
                oldestPendingAt: queue.oldestPendingAt)
        }
    }

    private func segments() async throws -> [SegmentStatus] {
        let sizes = try await store.profileRead { try $0.segmentSizes() }
        return deployment.segments.keys.sorted().map { SegmentStatus(name: $0, size: sizes[$0] ?? 0) }
    }

    private func storeStatus() async throws(StoreError) -> StoreStatus {
        let info = try await store.storeInfo()
        let url = (try? StoreURL(parsing: deployment.store))?.description ?? info.location
        return StoreStatus(
            url: url, engine: info.engine, location: info.location, sizeBytes: info.sizeBytes,
            schemaVersion: info.schemaVersion, pendingMigrations: info.pendingMigrations)
    }

    /// A schedule as `connectors.yaml` says it: `every 15m`, `cron 0 6 * * 1-5 (Europe/Berlin)`, `manual`.
    static func describe(_ spec: ScheduleSpec) -> String {
        switch spec {
        case .manual:
            return "manual"
        case let .every(interval, jitter):
            return "every \(interval)" + (jitter.map { " (jitter \($0))" } ?? "")
        case let .cron(expression, timezone, jitter):
            return "cron \(expression) (\(timezone ?? "UTC"))" + (jitter.map { ", jitter \($0)" } ?? "")
        }
    }
}
