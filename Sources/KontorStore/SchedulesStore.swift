import Foundation

/// Next run times and run leases of schedules, so that a restart keeps the
/// timetable and no sync runs twice at once, even across processes.
///
/// Leases compare against a `now` the caller passes (from its injected
/// clock); the store never reads the wall clock for them.
///
/// ```swift
/// let until = now.addingTimeInterval(600)
/// guard try await store.acquireLease(name: "source:shop", owner: node, until: until, now: now) else { return }
/// // … run the sync …
/// _ = try await store.releaseLease(name: "source:shop", owner: node)
/// ```
public protocol SchedulesStore: Sendable {
    /// When the schedule runs next, or `nil` if unknown.
    func nextRunAt(name: String) async throws(StoreError) -> Date?

    /// Sets (or with `nil` clears) when the schedule runs next; keeps its lease.
    func setNextRun(name: String, at: Date?) async throws(StoreError)

    /// Takes or renews the lease of `name` for `owner` until `until`.
    ///
    /// Succeeds when nobody holds it, the holder's lease ended (`leaseUntil <= now`),
    /// or `owner` already holds it (renewal). Returns `false` when another owner
    /// holds an unexpired lease. `until` must be after `now`.
    func acquireLease(name: String, owner: String, until: Date, now: Date) async throws(StoreError) -> Bool

    /// Gives the lease back; returns `false` (and changes nothing) when `owner` does not hold it.
    func releaseLease(name: String, owner: String) async throws(StoreError) -> Bool

    /// Every known schedule, by name.
    func schedules() async throws(StoreError) -> [ScheduleState]
}
