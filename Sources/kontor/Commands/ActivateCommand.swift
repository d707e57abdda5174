import ArgumentParser
import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorStore

/// `kontor activate DESTINATION [--dry-run]`: plans a destination now and delivers
/// what is due; with `--dry-run`, shows what would be sent without writing or sending.
///
/// Exit codes: 0 done (jobs may still wait for a retry), 1 failure, 2 usage error.
struct ActivateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activate",
        abstract: "Send a destination's segment members now (or show what would be sent).",
        discussion: """
            Plans the destination (members with consent, mapped, against what it holds), commits the \
            outbox jobs, then delivers what is due. Jobs that fail for now stay queued for `kontor run` \
            or the next `kontor activate`; see `kontor queue list`.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The destination, as named under `destinations:`.")
    var destination: String

    @Flag(help: "Show counts and sample payloads without writing or sending anything.")
    var dryRun = false

    @Option(help: "How many sample payloads a dry run shows.")
    var sample = 3

    @Option(help: "Seconds the jobs this run claims stay reserved to it; if it is killed, they are sent again once this has passed.")
    var lease: Double = 600

    /// For crash tests: after this many settled delivery rounds the process stops working and
    /// waits to be killed, so a test kills it at a known point whatever the machine's speed.
    @Option(help: .hidden)
    var holdAfterRounds: Int?

    func run() async throws {
        let context = try await ActivateContext.load(options)
        let compiled = try context.destination(destination)
        let clock = SystemClock()
        let service = ActivationService(
            destinations: [compiled], members: ProfileStoreMembers(store: context.store, consent: context.deployment.consent),
            outbox: context.store, clock: clock)
        if dryRun {
            let preview = try await run { () async throws(ActivationError) in try await service.preview(compiled) }
            print(ActivateOutput.preview(preview, sample: sample))
            return
        }
        let planned = try await run { () async throws(ActivationError) in try await service.plan(compiled) }
        print(ActivateOutput.planned(planned))
        let transport = AsyncHTTPTransport()
        let report: DeliveryReport
        do {
            let sender = try await DeliveryService.makeSender(
                for: compiled, transport: transport, clock: clock, limiters: RateLimiterPool())
            var worker = DeliveryWorker(
                destination: compiled, outbox: context.store, sender: sender, clock: clock,
                owner: "activate-\(ProcessInfo.processInfo.processIdentifier)", leaseDuration: max(1, lease))
            let hold = BatchHold(after: holdAfterRounds)
            worker.afterRound = { _ in hold.committed() }
            report = try await worker.runOnce(drain: true)
            _ = try? await context.store.release(owner: worker.owner)
        } catch {
            try? await transport.shutdown()
            throw CommandFailure(message: "kontor: \(error)")
        }
        try? await transport.shutdown()
        let counts = try await context.store.outboxCounts(destination: compiled.name, now: clock.now)
        print(ActivateOutput.delivered(report, counts: counts))
    }

    private func run(_ body: () async throws(ActivationError) -> ActivationRun) async throws -> ActivationRun {
        do {
            return try await body()
        } catch {
            throw CommandFailure(message: "kontor: \(error)")
        }
    }
}

/// The text `kontor activate` prints.
enum ActivateOutput {
    static func preview(_ run: ActivationRun, sample: Int) -> String {
        var lines = ["\(run.destination) (dry run): " + summary(run)]
        let shown = run.plan.jobs.prefix(max(0, sample))
        if !shown.isEmpty {
            lines.append("sample payloads (\(shown.count) of \(run.plan.jobs.count)):")
            for job in shown {
                lines.append("  \(job.operation.rawValue) \(job.profileID): \(job.payload.serialized())")
            }
        }
        lines += problems(run)
        return lines.joined(separator: "\n")
    }

    static func planned(_ run: ActivationRun) -> String {
        var line = "\(run.destination): planned " + summary(run)
        if let stored = run.stored, stored.duplicates + stored.superseded > 0 {
            line += "; \(stored.duplicates) already queued, \(stored.superseded) older job(s) superseded"
        }
        return ([line] + problems(run)).joined(separator: "\n")
    }

    static func delivered(_ report: DeliveryReport, counts: OutboxCounts) -> String {
        var lines = [
            "\(report.destination): \(report.requests) request(s), \(report.delivered) delivered, "
                + "\(report.retried) to retry, \(report.deadLettered) dead-lettered",
            "queue: \(counts.pending) pending, \(counts.dead) dead",
        ]
        if let error = report.lastError { lines.append("last error: \(error)") }
        if counts.pending > 0 { lines.append("pending jobs are retried by `kontor run` or the next `kontor activate`") }
        if counts.dead > 0 { lines.append("see `kontor queue list --destination \(report.destination) --state dead`") }
        return lines.joined(separator: "\n")
    }

    private static func summary(_ run: ActivationRun) -> String {
        let counts = run.plan.counts
        return "\(counts.adds) add, \(counts.updates) update, \(counts.removes) remove, \(counts.unchanged) unchanged "
            + "(\(run.members) member(s), \(run.withoutConsent) without consent, \(counts.invalid) invalid)"
    }

    private static func problems(_ run: ActivationRun) -> [String] {
        guard !run.plan.errors.isEmpty else { return [] }
        let shown = run.plan.errors.prefix(10).map { "  \($0)" }
        let more = run.plan.errors.count > 10 ? ["  … and \(run.plan.errors.count - 10) more"] : []
        return ["profiles that cannot be sent:"] + shown + more
    }
}
