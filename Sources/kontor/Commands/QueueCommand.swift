import ArgumentParser
import Foundation
import KontorCore
import KontorRuntime
import KontorStore

/// `kontor queue list|replay|purge`: the outbox of destinations.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Inspect, replay or purge the delivery queue of destinations.",
        subcommands: [QueueListCommand.self, QueueReplayCommand.self, QueuePurgeCommand.self]
    )
}

/// `pending` or `dead`, as the queue commands take it.
extension OutboxJobState: ExpressibleByArgument {}

/// `kontor queue list [--destination D] [--state pending|dead] [--limit N]`.
struct QueueListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show queue counts per destination and the pending or dead jobs.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Only this destination.")
    var destination: String?

    @Option(help: "pending (queued, due or waiting for a retry) or dead (given up).")
    var state: OutboxJobState = .pending

    @Option(help: "At most this many jobs.")
    var limit = 50

    func run() async throws {
        let context = try await ActivateContext.load(options)
        let now = Date()
        let counts = try await context.store.outboxCounts(now: now).filter { destination == nil || $0.destination == destination }
        var summary = TextTable(columns: ["DESTINATION", "PENDING", "LEASED", "RETRYING", "DEAD", "OLDEST PENDING"])
        for count in counts {
            summary.add([
                count.destination, "\(count.pending)", "\(count.leased)", "\(count.retrying)", "\(count.dead)",
                count.oldestPendingAt.map(StoreTimestamp.string(from:)) ?? "-",
            ])
        }
        print(counts.isEmpty ? "the queue is empty\n" : summary.rendered(), terminator: "")
        let jobs = try await context.store.list(destination: destination, state: state, limit: max(1, limit))
        guard !jobs.isEmpty else {
            if !counts.isEmpty { print("no \(state.rawValue) jobs") }
            return
        }
        print("")
        print(QueueOutput.table(jobs, state: state, now: now), terminator: "")
    }
}

/// `kontor queue replay --destination D [--since T] [--error TEXT]`.
struct QueueReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Put dead jobs back in the queue, due now, with attempts counted afresh.",
        discussion: """
            A dead job whose profile changed or left since (the destination state has moved on) stays dead: \
            sending it would undo the newer change.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "The destination whose dead jobs are replayed.")
    var destination: String

    @Option(help: "Only jobs that died at or after this time (RFC 3339, or a duration back from now: 2d).")
    var since: String?

    @Option(name: .customLong("error"), help: "Only jobs whose error contains this text (ignoring case).")
    var errorText: String?

    func run() async throws {
        let context = try await ActivateContext.load(options)
        let now = Date()
        let filter = OutboxFilter(
            destination: destination, state: .dead, since: try ActivateSince.parse(since, now: now), errorContains: errorText)
        let result = try await context.store.replay(filter, now: now)
        print("\(destination): \(result.replayed) replayed, \(result.alreadyPending) already queued, \(result.stale) stale (left dead)")
        if result.replayed > 0 { print("they are delivered by `kontor run` or `kontor activate \(destination)`") }
    }
}

/// `kontor queue purge --destination D [--state dead|pending] [--since T] [--error TEXT] [--yes]`.
struct QueuePurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete dead (or pending) jobs of a destination, after confirmation.",
        discussion: "The destination state is not changed: purged jobs are not planned again.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "The destination whose jobs are deleted.")
    var destination: String

    @Option(help: "dead (default) or pending.")
    var state: OutboxJobState = .dead

    @Option(help: "Only jobs that died (dead) or were queued (pending) at or after this time.")
    var since: String?

    @Option(name: .customLong("error"), help: "Only jobs whose error contains this text (ignoring case).")
    var errorText: String?

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() async throws {
        let context = try await ActivateContext.load(options)
        let now = Date()
        let filter = OutboxFilter(
            destination: destination, state: state, since: try ActivateSince.parse(since, now: now), errorContains: errorText)
        if !yes {
            print("Delete the \(state.rawValue) jobs of '\(destination)'\(QueueOutput.describe(filter))? Type 'yes' to confirm: ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                throw CommandFailure(message: "kontor: nothing purged")
            }
        }
        let deleted = try await context.store.purge(filter)
        print("\(destination): \(deleted) \(state.rawValue) job(s) deleted")
    }
}

/// The text the queue commands print.
enum QueueOutput {
    static func table(_ jobs: [OutboxJob], state: OutboxJobState, now: Date) -> String {
        let timeColumn = state == .dead ? "DIED" : "DUE"
        var table = TextTable(columns: ["ID", "DESTINATION", "OP", "PROFILE", "ATTEMPTS", "FIRST ATTEMPT", timeColumn, "ERROR"])
        for job in jobs {
            let time = state == .dead ? job.deadAt : (job.isLeased(at: now) ? job.leaseUntil : job.attempts.nextAttemptAt)
            let error = job.lastError.map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 } ?? ""
            table.add([
                "\(job.id)", job.destination, job.operation.rawValue, job.profileID, "\(job.attempts.count)",
                job.attempts.firstAttemptAt.map(StoreTimestamp.string(from:)) ?? "-",
                (time.map(StoreTimestamp.string(from:)) ?? "-") + (job.isLeased(at: now) ? " (leased)" : ""), error,
            ])
        }
        return table.rendered()
    }

    /// ` since … whose error contains "…"`, or nothing.
    static func describe(_ filter: OutboxFilter) -> String {
        var parts: [String] = []
        if let since = filter.since { parts.append(" since \(StoreTimestamp.string(from: since))") }
        if let text = filter.errorContains { parts.append(" whose error contains \"\(text)\"") }
        return parts.joined()
    }
}
