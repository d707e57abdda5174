import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// Runs every `ScheduledJob` at its times, as a swift-service-lifecycle `Service`.
///
/// - Next slots are persisted in the store, so a restart keeps the timetable
///   and `kontor status` can show it.
/// - A run holds the job's lease (`ExclusiveRun`): never two runs of one job at
///   once, across loops, nodes and `kontor sync`.
/// - After downtime a missed run runs once, then the timetable continues with
///   the first regular slot after now (`ScheduleTimetable`).
/// - On graceful shutdown the loops stop, running jobs are cancelled and their
///   leases returned; an interrupted run keeps its slot and runs again at start.
public final class Scheduler: Service {
    private let jobs: [ScheduledJob]
    private let store: any SchedulesStore
    private let clock: any KontorClock
    private let exclusive: ExclusiveRun
    private let pollInterval: TimeInterval
    private let logger: Logger
    private let onEvent: @Sendable (SchedulerEvent) -> Void

    public init(
        jobs: [ScheduledJob], store: any SchedulesStore, clock: any KontorClock, owner: String,
        leaseDuration: TimeInterval = 600, pollInterval: TimeInterval = 5,
        logger: Logger = Logger(label: "kontor.scheduler"),
        onEvent: @escaping @Sendable (SchedulerEvent) -> Void = { _ in }
    ) {
        self.jobs = jobs
        self.store = store
        self.clock = clock
        self.exclusive = ExclusiveRun(store: store, clock: clock, owner: owner, leaseDuration: leaseDuration)
        self.pollInterval = pollInterval
        self.logger = logger
        self.onEvent = onEvent
    }

    public func run() async throws {
        guard jobs.contains(where: { $0.schedule != .manual }) else {
            // Nothing scheduled: wait for the shutdown (a service that returns early stops the daemon).
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for job in self.jobs where job.schedule != .manual {
                    group.addTask { await self.loop(job) }
                }
            }
        }
    }

    /// Plans every job's first slot (when it has none yet) without running anything;
    /// `kontor run` calls it to print the next runs at start.
    public func planAll() async throws -> [String: Date] {
        var planned: [String: Date] = [:]
        for job in jobs {
            if let slot = try await currentSlot(of: ScheduleTimetable(name: job.name, schedule: job.schedule)) {
                planned[job.name] = ScheduleTimetable(name: job.name, schedule: job.schedule).startTime(of: slot)
            }
        }
        return planned
    }

    private func loop(_ job: ScheduledJob) async {
        let timetable = ScheduleTimetable(name: job.name, schedule: job.schedule)
        while !Task.isCancelled {
            do {
                try await step(job, timetable: timetable)
            } catch is CancellationError {
                return
            } catch {
                logger.error("scheduler step failed", metadata: ["kontor.job": "\(job.name)", "error": "\(error)"])
                try? await clock.sleep(for: pollInterval)
            }
        }
    }

    private func step(_ job: ScheduledJob, timetable: ScheduleTimetable) async throws {
        guard let slot = try await currentSlot(of: timetable) else {
            try await clock.sleep(for: 3600)
            return
        }
        let start = timetable.startTime(of: slot)
        let now = clock.now
        if start > now {
            try await clock.sleep(until: min(start, now.addingTimeInterval(pollInterval)))
            return
        }
        do {
            try await exclusive.run(job.name) { [store, clock, onEvent] in
                // Another node may have run this slot while we waited for the lease.
                guard try await store.nextRunAt(name: job.name) == slot else { return }
                onEvent(.started(job: job.name, slot: slot, at: clock.now))
                var failure: String?
                do {
                    try await job.run()
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    failure = String(describing: error)
                }
                let next = timetable.slot(after: slot, now: clock.now)
                try await store.setNextRun(name: job.name, at: next)
                onEvent(.finished(job: job.name, slot: slot, at: clock.now, error: failure))
                if let next { onEvent(.planned(job: job.name, slot: next)) }
            }
        } catch is LeaseHeld {
            onEvent(.skippedHeld(job: job.name, at: clock.now))
            try await clock.sleep(for: pollInterval)
        }
    }

    private func currentSlot(of timetable: ScheduleTimetable) async throws -> Date? {
        if let stored = try await store.nextRunAt(name: timetable.name) { return stored }
        guard let first = timetable.firstSlot(now: clock.now) else { return nil }
        try await store.setNextRun(name: timetable.name, at: first)
        onEvent(.planned(job: timetable.name, slot: first))
        return first
    }
}
