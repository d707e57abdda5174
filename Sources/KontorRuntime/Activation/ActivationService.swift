import Foundation
import KontorCore
import KontorStore
import Logging
import ServiceLifecycle

/// The ActivationPlanner service: for each destination, the members of its
/// segments with the destination's consent, mapped by its ``FieldPipeline``,
/// diffed by ``KontorCore/ActivationPlanner`` against `destination_state`, and the
/// resulting outbox jobs committed with the state they were planned against in
/// one transaction (``KontorStore/OutboxStore/commitPlan(destination:now:planning:)``).
///
/// As a `Service` it plans each destination on its `schedule` (continuous
/// destinations every ``interval``); ``runOnce()`` plans every destination now
/// (the CLI, tests); ``preview(_:)`` plans without writing (`kontor activate --dry-run`).
///
/// ```swift
/// let service = ActivationService(destinations: compiled, members: ProfileStoreMembers(store: store, consent: consent),
///                                 outbox: store, clock: SystemClock())
/// let runs = try await service.runOnce()
/// ```
public struct ActivationService: Service {
    public let destinations: [ActivationDestination]
    public let members: any SegmentMembersSource
    public let outbox: any OutboxStore
    public let clock: any KontorClock
    /// How often continuous destinations (no `schedule`) are planned.
    public var interval: TimeInterval
    public var logger: Logger

    public init(
        destinations: [ActivationDestination], members: any SegmentMembersSource, outbox: any OutboxStore,
        clock: any KontorClock, interval: TimeInterval = 30, logger: Logger = Logger(label: "kontor.activation")
    ) {
        self.destinations = destinations.filter(\.config.enabled)
        self.members = members
        self.outbox = outbox
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Plans and commits every destination once; a failing destination does not stop the others.
    public func runOnce() async -> [Result<ActivationRun, ActivationError>] {
        var results: [Result<ActivationRun, ActivationError>] = []
        for destination in destinations {
            do {
                results.append(.success(try await plan(destination)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Plans one destination and commits its jobs and state changes in one transaction.
    public func plan(_ destination: ActivationDestination) async throws(ActivationError) -> ActivationRun {
        let desired = try await desiredMembers(of: destination)
        let planner = ActivationPlanner(destination: destination.name, mode: destination.mode)
        let now = clock.now
        do {
            let (plan, stored) = try await outbox.commitPlan(destination: destination.name, now: now) { known in
                planner.plan(desired: desired.members, known: known, invalid: desired.invalid)
            }
            let run = ActivationRun(
                destination: destination.name, members: desired.count, withoutConsent: desired.withoutConsent,
                plan: plan, stored: stored)
            log(run)
            return run
        } catch {
            throw ActivationError(.store, "destination '\(destination.name)': \(error)")
        }
    }

    /// What planning would do now, without writing anything.
    public func preview(_ destination: ActivationDestination) async throws(ActivationError) -> ActivationRun {
        let desired = try await desiredMembers(of: destination)
        let known: [DestinationStateEntry]
        do {
            known = try await outbox.destinationState(destination: destination.name)
        } catch {
            throw ActivationError(.store, "destination '\(destination.name)': \(error)")
        }
        let plan = ActivationPlanner(destination: destination.name, mode: destination.mode)
            .plan(desired: desired.members, known: known, invalid: desired.invalid)
        return ActivationRun(
            destination: destination.name, members: desired.count, withoutConsent: desired.withoutConsent, plan: plan,
            stored: nil)
    }

    /// Plans each destination when it is due until graceful shutdown.
    public func run() async throws {
        var nextRun: [String: Date] = [:]
        var random = SystemRandomNumberGenerator()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = clock.now
            for destination in destinations where (nextRun[destination.name] ?? now) <= now {
                do {
                    _ = try await plan(destination)
                } catch {
                    logger.error("activation failed", metadata: ["kontor.destination": "\(destination.name)", "error": "\(error)"])
                }
                nextRun[destination.name] = next(destination, after: now, using: &random)
            }
            let wake = nextRun.values.min() ?? now.addingTimeInterval(interval)
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(until: max(wake, clock.now)) }
            } catch {
                return
            }
        }
    }

    private func next(_ destination: ActivationDestination, after now: Date, using random: inout some RandomNumberGenerator) -> Date {
        guard let spec = destination.config.schedule, let schedule = try? spec.schedule() else {
            return now.addingTimeInterval(interval)
        }
        return schedule.nextRun(after: now, now: now, using: &random)?.runAt ?? .distantFuture
    }

    private struct Desired {
        var members: [DesiredMember] = []
        var invalid: [RecordPlanningError] = []
        var count = 0
        var withoutConsent = 0
    }

    /// The members of the destination's segments, mapped; profiles without consent as departed.
    private func desiredMembers(of destination: ActivationDestination) async throws(ActivationError) -> Desired {
        let found: [SegmentMember]
        do {
            found = try await members.members(of: destination.config.segments, consentPurpose: destination.config.consent)
        } catch {
            throw ActivationError(.members, "destination '\(destination.name)': cannot read segment members: \(error)")
        }
        var desired = Desired(count: found.count)
        let now = clock.now
        for member in found {
            guard member.consented else {
                desired.withoutConsent += 1
                desired.members.append(DesiredMember(profileID: member.profileID, payload: .null, consented: false))
                continue
            }
            do {
                let payload = try destination.pipeline.payload(
                    profileID: member.profileID, view: member.view, config: destination.settings, mode: destination.mode,
                    now: now)
                desired.members.append(DesiredMember(profileID: member.profileID, payload: payload))
            } catch {
                desired.invalid.append(error)
            }
        }
        return desired
    }

    private func log(_ run: ActivationRun) {
        var metadata: Logger.Metadata = ["kontor.destination": "\(run.destination)"]
        for (key, value) in run.historyCounts where value > 0 { metadata[key] = "\(value)" }
        logger.info("planned destination", metadata: metadata)
    }
}
