import Foundation
import KontorCore
import KontorStore
import Synchronization

extension DeliveryWorker {
    /// The shortest wait before a failed job is due again, so that a round never picks up
    /// the jobs it has just failed (full jitter may draw a wait of zero).
    static let minimumRetryWait: TimeInterval = 1

    /// One round over claimed jobs: per operation, batches sent (up to the destination's
    /// concurrency at once) and settled batch by batch.
    func deliver(_ jobs: [OutboxJob], drain: Bool) async throws(StoreError) -> DeliveryReport {
        var report = DeliveryReport(destination: destination.name)
        var ready: [(batch: [OutboxJob], route: OperationRoute)] = []
        var settlements: [OutboxSettlement] = []
        let now = clock.now
        for operation in OutboxOperation.allCases {
            let group = jobs.filter { $0.operation == operation }
            guard !group.isEmpty else { continue }
            let route: OperationRoute
            do {
                route = try destination.route(for: operation)
            } catch {
                let failure = RecordFailure(error.message, failure: .configError)
                settlements += group.map { decide($0, .retry(failure), serverWait: nil, now: now) }
                report.lastError = error.message
                continue
            }
            let plan = BatchPlanner(limits: route.limits).plan(group, now: now, drain: drain)
            ready += plan.ready.map { ($0.items, route) }
            for job in plan.oversized {
                let size = BatchPlanner.bytes(of: job.payload)
                let reason = "the payload is \(size) bytes, more than one request may carry (max_bytes)"
                settlements.append(OutboxSettlement(jobID: job.id, decision: .deadLetter(reason: reason)))
            }
            if let flushAt = plan.nextFlushAt {
                settlements += plan.waiting.map { OutboxSettlement(jobID: $0.id, decision: .retry(at: flushAt)) }
                report.handedBack += plan.waiting.count
            }
        }
        try await settle(settlements, into: &report)
        try await send(ready, into: &report)
        return report
    }

    /// Sends the batches, at most `destination.concurrency` at once; once one fails as a whole,
    /// the batches not yet sent are handed back.
    private func send(_ batches: [(batch: [OutboxJob], route: OperationRoute)], into report: inout DeliveryReport)
        async throws(StoreError)
    {
        var pending = batches[...]
        var stopped = false
        // After a failure as a whole, one batch probes the destination before the others follow.
        var probing = hold.isFailing
        let width = probing ? 1 : destination.concurrency
        let gate = RoundGate()
        let outcome: Result<DeliveryReport, StoreError> = await withTaskGroup(of: Result<DeliveryReport, StoreError>.self) { group in
            var total = DeliveryReport(destination: destination.name)
            func start() {
                guard !stopped, let next = pending.popFirst() else { return }
                group.addTask {
                    if gate.isClosed {
                        var handedBack = DeliveryReport(destination: destination.name)
                        do throws(StoreError) { try await handBack(next.batch, into: &handedBack) } catch { return .failure(error) }
                        return .success(handedBack)
                    }
                    let (settlements, counts) = await deliver(next.batch, route: next.route)
                    if counts.destinationFailed { gate.close() }
                    var batchReport = counts
                    do throws(StoreError) { try await settle(settlements, into: &batchReport) } catch { return .failure(error) }
                    return .success(batchReport)
                }
            }
            for _ in 0..<width { start() }
            while let result = await group.next() {
                switch result {
                case .success(let batchReport):
                    total.add(batchReport)
                    if batchReport.requests > 0 { hold.record(failed: batchReport.destinationFailed) }
                    if batchReport.destinationFailed {
                        stopped = true
                    } else if probing {
                        probing = false
                        for _ in 1..<max(1, destination.concurrency) { start() }
                    }
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                }
                start()
            }
            return .success(total)
        }
        let total = try outcome.get()
        report.add(total)
        try await handBack(pending.flatMap(\.batch), into: &report)
    }

    /// Returns jobs unsent after the destination failed in this round, due after the backoff's base
    /// and not before the destination's pause ends.
    private func handBack(_ jobs: [OutboxJob], into report: inout DeliveryReport) async throws(StoreError) {
        guard !jobs.isEmpty else { return }
        let now = clock.now
        let later = max(now.addingTimeInterval(max(Self.minimumRetryWait, policy.backoff.base)), hold.until ?? now)
        try await settle(jobs.map { OutboxSettlement(jobID: $0.id, decision: .retry(at: later)) }, into: &report)
        report.handedBack += jobs.count
    }

    /// Sends one batch (splitting it while the destination refuses it as a whole) and decides each job.
    func deliver(_ batch: [OutboxJob], route: OperationRoute) async -> ([OutboxSettlement], DeliveryReport) {
        var report = DeliveryReport(destination: destination.name)
        let started = ContinuousClock.now
        let outcome = await sender.send(batch.map(\.payload), route: route)
        RuntimeMetrics.deliveryRequest(destination: destination.name, since: started)
        report.requests = 1
        let now = clock.now
        switch outcome {
        case .bisect(_, let halves):
            var settlements: [OutboxSettlement] = []
            for half in halves where !half.isEmpty {
                let (more, counts) = await deliver(Array(batch[half]), route: route)
                settlements += more
                report.add(counts)
            }
            return (settlements, report)
        case .retryAll(let failure, let serverWait):
            report.destinationFailed = true
            if let serverWait, serverWait > 0 { hold.extend(until: now.addingTimeInterval(serverWait)) }
            report.lastError = failure.description
            return (batch.map { decide($0, .retry(failure), serverWait: serverWait, now: now) }, report)
        case .perRecord(let results):
            report.unnamedInvalid = results.invalidCount ?? 0
            var settlements: [OutboxSettlement] = []
            for (job, recordOutcome) in zip(batch, results.outcomes) {
                settlements.append(decide(job, recordOutcome, serverWait: nil, now: now))
                if case .failed(let failure) = recordOutcome { report.lastError = failure.description }
                if case .retry(let failure) = recordOutcome { report.lastError = failure.description }
            }
            return (settlements, report)
        }
    }

    /// The settlement of one job after an attempt with `outcome`.
    func decide(_ job: OutboxJob, _ outcome: RecordOutcome, serverWait: TimeInterval?, now: Date) -> OutboxSettlement {
        let attempts = job.attempts.recording(attemptAt: now)
        var decision = jitter.with { random in
            policy.decide(outcome, attempts: attempts, serverWait: serverWait, now: now, using: &random)
        }
        if case .retry(let at) = decision { decision = .retry(at: max(at, now.addingTimeInterval(Self.minimumRetryWait))) }
        let error: String? =
            switch outcome {
            case .delivered: nil
            case .failed(let failure), .retry(let failure): destination.redactor.redact(failure.description)
            }
        return OutboxSettlement(jobID: job.id, decision: decision, attempts: attempts, error: error)
    }

    /// Writes settlements and counts them.
    func settle(_ settlements: [OutboxSettlement], into report: inout DeliveryReport) async throws(StoreError) {
        guard !settlements.isEmpty else { return }
        let result = try await outbox.settle(settlements, owner: owner, now: clock.now)
        report.delivered += result.done
        report.deadLettered += result.deadLettered
        let retried = settlements.filter { if case .retry = $0.decision, $0.attempts != nil { true } else { false } }.count
        report.retried += retried
        RuntimeMetrics.settled(destination: destination.name, delivered: result.done, retried: retried, dead: result.deadLettered)
    }
}

/// Closed once a batch of the round finds the destination failing, so that batches
/// starting after that are handed back instead of sent.
final class RoundGate: Sendable {
    private let closed = Mutex(false)

    var isClosed: Bool { closed.withLock { $0 } }

    func close() { closed.withLock { $0 = true } }
}
