import Foundation
import KontorCore
import KontorStore

/// Runs a piece of work while holding its named lease in the store, so the
/// same sync never runs twice at once — not in two scheduler loops, not on
/// two nodes, not as a `kontor sync` next to the daemon.
///
/// The lease is renewed every third of its duration while the work runs and
/// returned when it ends (also when it throws or is cancelled). A crashed
/// holder's lease simply runs out.
public struct ExclusiveRun: Sendable {
    public var store: any SchedulesStore
    public var clock: any KontorClock
    public var owner: String
    public var leaseDuration: TimeInterval

    public init(store: any SchedulesStore, clock: any KontorClock, owner: String, leaseDuration: TimeInterval = 600) {
        self.store = store
        self.clock = clock
        self.owner = owner
        self.leaseDuration = leaseDuration
    }

    /// Runs `work` under the lease `name`; throws `LeaseHeld` when someone else holds it.
    ///
    /// A lease held by a process of this host that has died is taken over at once.
    public func run<T: Sendable>(
        _ name: String, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await acquire(name)
        do {
            let result = try await withRenewal(of: name, work)
            await release(name)
            return result
        } catch {
            await release(name)
            throw error
        }
    }

    private func acquire(_ name: String) async throws {
        let now = clock.now
        if try await store.acquireLease(name: name, owner: owner, until: now.addingTimeInterval(leaseDuration), now: now) {
            return
        }
        let holder = try await store.schedules().first { $0.name == name }
        if let text = holder?.leaseOwner, let dead = LeaseOwner(parsing: text), dead.isDeadLocalProcess,
            let until = holder?.leaseUntil
        {
            // The holder crashed; its lease counts as run out.
            let takeover = max(now, until)
            if try await store.acquireLease(
                name: name, owner: owner, until: takeover.addingTimeInterval(leaseDuration), now: takeover)
            {
                return
            }
        }
        throw LeaseHeld(name: name, owner: holder?.leaseOwner, until: holder?.leaseUntil)
    }

    /// Returns the lease even when the calling task is being cancelled (graceful
    /// shutdown): the release runs in a task of its own, which cancellation does not reach.
    private func release(_ name: String) async {
        let (store, owner) = (store, owner)
        await Task { _ = try? await store.releaseLease(name: name, owner: owner) }.value
    }

    private func withRenewal<T: Sendable>(
        of name: String, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask { [store, clock, owner, leaseDuration] in
                while !Task.isCancelled {
                    try await clock.sleep(for: leaseDuration / 3)
                    let now = clock.now
                    _ = try await store.acquireLease(
                        name: name, owner: owner, until: now.addingTimeInterval(leaseDuration), now: now)
                }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw CancellationError()
        }
    }
}

/// Another owner holds the lease of a sync: it is running elsewhere right now.
public struct LeaseHeld: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var owner: String?
    public var until: Date?

    public var description: String {
        var text = "'\(name)' is already running"
        if let owner { text += " (held by \(owner)" + (until.map { " until \($0.formatted(.iso8601))" } ?? "") + ")" }
        return text + "; it was not started twice. Try again when that run has finished."
    }
}
