import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// `kontor activate` killed with SIGKILL at several points while it delivers a segment to the
/// Mailchimp emulator, then restarted: the audience ends up exactly the segment, no member missing,
/// and at most the batches in flight at each kill are sent twice (an idempotent upsert).
/// Each kill lands while the process holds after a given number of settled rounds (hidden
/// `--hold-after-rounds`), so the test does not depend on the machine's speed.
final class DeliveryCrashTests: XCTestCase {
    static let memberCount = 2_345
    static let batchSize = 10
    static let concurrency = 10  // Plugins/mailchimp: http.concurrency

    func testActivateKilledDuringDeliveryRestartsToExactlyTheSegment() async throws {
        let mailchimp = try await MailchimpEmulator.start()
        mailchimp.knobs.latency = 0.01
        let folder = try KontorBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.configuration(mailchimp, folder: folder).write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        try await Self.writeLog(to: folder)
        let build = try KontorBinary.run(["profiles", "build", "--config", "connectors.yaml"] + Self.plugins, in: folder)
        XCTAssertEqual(build.exitCode, 0, build.stderr)
        let expected = Set((0..<Self.memberCount).map { "member\($0)@example.com" })

        // Kill points: after the first settled round, after several, and late. Each restart first
        // waits out the killed run's 1 s lease (its claimed jobs come back), then continues.
        var audiences: [Int] = []
        for rounds in [1, 3, 6] {
            try await killAfter(rounds: rounds, in: folder)
            audiences.append(mailchimp.audience.emails.count)
        }
        XCTAssertGreaterThan(audiences[0], 0, "the first run delivered a round before it was killed")
        XCTAssertLessThan(audiences[2], Self.memberCount, "the last kill left members undelivered: \(audiences)")
        XCTAssertEqual(audiences, audiences.sorted(), "every restart went on from the last")

        // Restart until nothing is pending (a killed run's jobs come back once its 1 s lease has passed).
        var last = ""
        for _ in 0..<40 {
            let run = try KontorBinary.run(Self.activate, in: folder)
            last = run.stdout + run.stderr
            guard run.exitCode == 0 else { break }
            if last.contains("queue: 0 pending, 0 dead") { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        XCTAssertTrue(last.contains("queue: 0 pending, 0 dead"), last)
        XCTAssertEqual(mailchimp.audience.emails, expected, "the audience is exactly the segment")
        XCTAssertEqual(mailchimp.audience.archivedEmails, [])
        XCTAssertEqual(mailchimp.violations, [])
        let batches = mailchimp.log.count(endpoint: "batch")
        let least = (Self.memberCount + Self.batchSize - 1) / Self.batchSize
        XCTAssertGreaterThanOrEqual(batches, least)
        XCTAssertLessThanOrEqual(batches, least + 3 * Self.concurrency, "only batches in flight at a kill were sent again")
        await mailchimp.stop()
    }

    static let plugins = ["--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
    static let activate = ["activate", "newsletter", "--config", "connectors.yaml", "--lease", "1"] + plugins

    /// Runs `kontor activate` until it has settled `rounds` delivery rounds and holds (the hidden
    /// `--hold-after-rounds`), then kills it with SIGKILL: the kill lands at the same point on a
    /// fast machine and a loaded one.
    private func killAfter(rounds: Int, in folder: URL) async throws {
        // A restarted run waits until the killed run's lease (1 s) has run out.
        try await Task.sleep(for: .milliseconds(1_200))
        let run = try KontorBinary.runUntilHoldingThenKill(Self.activate + ["--hold-after-rounds", "\(rounds)"], in: folder)
        XCTAssertEqual(run.terminationReason, .uncaughtSignal, "kontor activate was killed while holding: \(run.stdout)")
    }

    static func configuration(_ mailchimp: MailchimpEmulator, folder: URL) -> String {
        """
        kontor: 1
        store: "sqlite:\(folder.appendingPathComponent("kontor.db").path)"
        identity: {keys: [user_id, email]}
        consent: {purposes: [email]}
        segments:
          members: {where: "traits.email is defined"}
        destinations:
          newsletter:
            plugin: mailchimp
            base_url: \(mailchimp.apiBaseURL)
            config: {api_key: "\(mailchimp.configuration.apiKey)", list_id: \(mailchimp.configuration.listIDs[0])}
            action: members
            mode: mirror
            segments: [members]
            consent: email
            mapping: {email_address: "$.traits.email", merge_fields: {FNAME: "$.traits.first_name"}}
            batch: {size: \(batchSize)}
        """
    }

    /// One identify per member, with an e-mail and e-mail consent.
    static func writeLog(to folder: URL) async throws {
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let start = Date(timeIntervalSince1970: 1_717_200_000)
        let messages = (0..<memberCount).map { index in
            Message(
                type: .identify, messageId: "m\(index)", timestamp: start.addingTimeInterval(Double(index)), userId: "u\(index)",
                traits: ["email": .string("Member\(index)@Example.com"), "first_name": .string("Name\(index)"), "consent": ["email": true]])
        }
        _ = try await store.append(messages, source: "crm")
        try await store.close()
    }
}
