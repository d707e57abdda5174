import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// `kontor status` through the real binary: after a `kontor sync` against the
/// Shopify emulator it shows the source's last run with its record count; with
/// `--json` it prints a document with sources, destinations, segments and store.
final class StatusCommandTests: XCTestCase {
    private var shop: ShopifyEmulator?

    override func tearDown() async throws {
        await shop?.stop()
    }

    private var pluginsArgument: [String] {
        ["--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
    }

    /// A folder with a connectors.yaml: the `shop` source at `shopURL`, a segment and a destination.
    private func deployment(shopURL: String) throws -> URL {
        let folder = try KontorBinary.temporaryDirectory()
        try """
            kontor: 1
            store: sqlite:kontor.db
            consent: {purposes: [email]}
            sources:
              shop:
                plugin: shopify
                base_url: \(shopURL)/
                config: {shop: kontor-demo, access_token: shpat_emulator, page_size: 50}
                streams: [customers]
                schedule: {every: 15m}
            segments:
              customers: {where: "traits.email is defined"}
            destinations:
              newsletter:
                plugin: mailchimp
                base_url: http://127.0.0.1:9/3.0/
                config: {api_key: "0123456789abcdef0123456789abcdef-us14", list_id: a1b2c3d4e5}
                action: members
                mode: mirror
                segments: [customers]
                mapping: {email_address: "$.traits.email", status: subscribed}
            """.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func testStatusShowsTheLastSyncWithItsRecordCount() async throws {
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 3, count: 73))
        self.shop = shop
        let folder = try deployment(shopURL: shop.apiBaseURL().absoluteString)

        let before = try KontorBinary.run(["status"] + pluginsArgument, in: folder)
        XCTAssertEqual(before.exitCode, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("never"), before.stdout)

        let sync = try KontorBinary.run(["sync", "shop"] + pluginsArgument, in: folder)
        XCTAssertEqual(sync.exitCode, 0, sync.stderr)

        let text = try KontorBinary.run(["status"] + pluginsArgument, in: folder)
        XCTAssertEqual(text.exitCode, 0, text.stderr)
        let shopLine = text.stdout.split(separator: "\n").first { $0.contains("shop") && $0.contains("shopify") }
        XCTAssertNotNil(shopLine, text.stdout)
        let cells = shopLine.map { $0.split(separator: " ").map(String.init) } ?? []
        XCTAssertTrue(cells.contains("succeeded"), text.stdout)
        XCTAssertTrue(cells.contains("73"), "the record count of the last run:\n\(text.stdout)")
        XCTAssertTrue(text.stdout.contains("every 15m"), text.stdout)
        XCTAssertTrue(text.stdout.contains("newsletter"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Store: sqlite:kontor.db"), text.stdout)

        let json = try KontorBinary.run(["status", "--json"] + pluginsArgument, in: folder)
        XCTAssertEqual(json.exitCode, 0, json.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = try XCTUnwrap(report["sources"] as? [[String: Any]])
        XCTAssertEqual(sources.map { $0["name"] as? String }, ["shop"])
        let lastRun = try XCTUnwrap(sources.first?["lastRun"] as? [String: Any], json.stdout)
        XCTAssertEqual(lastRun["records"] as? Int, 73)
        XCTAssertEqual(lastRun["messages"] as? Int, 73)
        XCTAssertEqual(lastRun["result"] as? String, "succeeded")
        XCTAssertNotNil(lastRun["finishedAt"] as? String)
        XCTAssertEqual(sources.first?["plugin"] as? String, "shopify")
        let segments = try XCTUnwrap(report["segments"] as? [[String: Any]])
        XCTAssertEqual(segments.map { $0["name"] as? String }, ["customers"])
        let store = try XCTUnwrap(report["store"] as? [String: Any])
        XCTAssertEqual(store["engine"] as? String, "sqlite")
        XCTAssertGreaterThan(store["sizeBytes"] as? Int ?? 0, 0)
        XCTAssertNotNil(report["generatedAt"] as? String)
    }

    /// The destination's queue (pending, dead) and deliveries come from the store.
    func testStatusShowsTheQueueAndDeliveriesOfADestination() async throws {
        let folder = try deployment(shopURL: "http://127.0.0.1:9/admin/api/2024-10")
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let jobs = ["p1", "p2", "p3"].map { id -> PlannedJob in
            let payload: JSONValue = ["email_address": .string("\(id)@example.com")]
            return PlannedJob(
                destination: "newsletter", profileID: id, operation: .add, payload: payload, payloadHash: PayloadHash.of(payload))
        }
        let plan = ActivationPlan(
            destination: "newsletter", jobs: jobs,
            stateChanges: jobs.map { .put(DestinationStateEntry(profileID: $0.profileID, payloadHash: $0.payloadHash, payload: $0.payload)) })
        let now = Date()
        _ = try await store.commitPlan(destination: "newsletter", now: now) { _ in plan }
        let claimed = try await store.claim(destination: "newsletter", owner: "test", limit: 2, leaseFor: 60, now: now)
        XCTAssertEqual(claimed.count, 2)
        _ = try await store.settle(
            [.done(claimed[0].id), OutboxSettlement(jobID: claimed[1].id, decision: .deadLetter(reason: "rejected"))],
            owner: "test", now: now)
        try await store.close()

        let json = try KontorBinary.run(["status", "--json"] + pluginsArgument, in: folder)
        XCTAssertEqual(json.exitCode, 0, json.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let destination = try XCTUnwrap((report["destinations"] as? [[String: Any]])?.first, json.stdout)
        XCTAssertEqual(destination["name"] as? String, "newsletter")
        XCTAssertEqual(destination["mode"] as? String, "mirror")
        XCTAssertEqual(destination["pending"] as? Int, 1)
        XCTAssertEqual(destination["dead"] as? Int, 1)
        XCTAssertEqual(destination["delivered"] as? Int, 1)
        XCTAssertNotNil(destination["lastDeliveryAt"] as? String)

        let text = try KontorBinary.run(["status"] + pluginsArgument, in: folder)
        XCTAssertEqual(text.exitCode, 0, text.stderr)
        let line = text.stdout.split(separator: "\n").first { $0.contains("newsletter") && $0.contains("mailchimp") }
        XCTAssertEqual(line.map { $0.split(separator: " ").filter { $0 == "1" }.count }, 3, text.stdout)
    }

    func testStatusWithoutAConfigurationFailsClearly() throws {
        let folder = try KontorBinary.temporaryDirectory()
        let result = try KontorBinary.run(["status"], in: folder)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("cannot read the configuration"), result.stderr)
    }
}
