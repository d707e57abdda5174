import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// `kontor run` through the real binary, with short intervals, against the
/// Shopify and Mailchimp emulators: scheduled pulls, profiles, a segment,
/// deliveries, then SIGTERM → exit 0 with no job left leased.
final class RunCommandTests: XCTestCase {
    func testDaemonPullsOnScheduleDeliversAndStopsCleanlyOnSIGTERM() async throws {
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 5, count: 40))
        shop.host.origin = shop.baseURL.absoluteString
        let mailchimp = try await MailchimpEmulator.start()
        defer { Task { await shop.stop(); await mailchimp.stop() } }

        let folder = try KontorBinary.temporaryDirectory()
        try """
            kontor: 1
            store: sqlite:kontor.db
            server: {listen: "127.0.0.1:0", write_keys: [test-write-key], admin_token: test-admin-token}
            consent: {purposes: [email]}
            sources:
              shop:
                plugin: shopify
                base_url: \(shop.apiBaseURL().absoluteString)/
                config: {shop: kontor-demo, access_token: shpat_emulator, page_size: 25}
                streams: [customers]
                schedule: {every: 2s}
            segments:
              customers:
                where: "traits.email is defined"
            destinations:
              newsletter:
                plugin: mailchimp
                base_url: \(mailchimp.apiBaseURL)
                config: {api_key: "0123456789abcdef0123456789abcdef-us14", list_id: a1b2c3d4e5}
                action: members
                mode: mirror
                segments: [customers]
                mapping: {email_address: "$.traits.email", status: subscribed}
                batch: {max_wait: 1s}
            """.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = try KontorBinary.executableURL()
        process.arguments = ["run", "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "KONTOR_LOG_LEVEL": "warning"]
        let log = folder.appendingPathComponent("kontor.log")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil))
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()

        // Bounded wait: two scheduled runs of the source and the audience delivered.
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        var runs = 0
        var delivered = 0
        for _ in 0..<240 where (runs < 2 || delivered == 0) && process.isRunning {
            try await Task.sleep(for: .milliseconds(250))
            runs = (try? await store.recentRuns(name: "shop", limit: 10).filter { $0.status == .succeeded }.count) ?? 0
            delivered = mailchimp.audience.emails.count
        }
        let output = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        XCTAssertTrue(process.isRunning, "kontor run stopped early:\n\(output())")
        XCTAssertGreaterThanOrEqual(runs, 2, "two scheduled runs of the source:\n\(output())")
        XCTAssertGreaterThan(delivered, 0, "the segment reached the email tool:\n\(output())")

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0, output())

        let counts = try await store.outboxCounts(now: Date())
        XCTAssertEqual(counts.map(\.leased).reduce(0, +), 0, "no job left leased")
        let leases = try await store.schedules().filter { $0.leaseOwner != nil }
        XCTAssertEqual(leases.map(\.name), [], "no schedule lease left")
        XCTAssertEqual(try mailchimpViolations(mailchimp), 0)
        try await store.close()
    }

    private func mailchimpViolations(_ emulator: MailchimpEmulator) throws -> Int {
        emulator.violations.count
    }
}
