import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// `kontor sync` through the real binary against the Shopify emulator on
/// loopback, with the shipped `Plugins/shopify/plugin.yaml`.
final class SyncCommandTests: XCTestCase {
    private var shop: ShopifyEmulator!

    override func tearDown() async throws {
        await shop?.stop()
    }

    private func startShop(customers: Int) async throws {
        shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 11, count: customers))
        shop.host.origin = shop.baseURL.absoluteString
    }

    /// A folder with a connectors.yaml pointing the `shop` source at the emulator.
    private func deployment(pageSize: Int = 50, streams: [String] = ["customers", "orders"]) throws -> URL {
        let folder = try KontorBinary.temporaryDirectory()
        try """
            kontor: 1
            store: sqlite:kontor.db
            sources:
              shop:
                plugin: shopify
                base_url: \(shop.apiBaseURL().absoluteString)/
                config: {shop: kontor-demo, access_token: "${secret:SHOP_TOKEN}", page_size: \(pageSize)}
                streams: [\(streams.joined(separator: ", "))]
            """.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func sync(_ folder: URL, _ extra: [String] = []) throws -> KontorBinary.Result {
        try KontorBinary.run(
            ["sync", "shop", "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path] + extra,
            in: folder, environment: ["SHOP_TOKEN": "shpat_emulator"])
    }

    private func storedEvents(_ folder: URL) async throws -> (count: Int, ids: Set<String>) {
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let events = try await store.read(after: 0, limit: 1_000_000)
        try await store.close()
        return (events.count, Set(events.map(\.message.messageId)))
    }

    func testFullThenIncrementalSyncOfTheShippedShopifyPlugin() async throws {
        try await startShop(customers: 180)
        let folder = try deployment(streams: ["customers"])
        let first = try sync(folder, ["--json"])
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let total = summary?["total"] as? [String: Any]
        XCTAssertEqual(total?["records"] as? Int, 180)
        XCTAssertEqual(total?["pages"] as? Int, 4, "180 customers at 50 per page")
        let afterFirst = try await storedEvents(folder)
        XCTAssertEqual(afterFirst.count, 180)

        _ = shop.data.touch(7)
        let second = try sync(folder)
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        let afterSecond = try await storedEvents(folder)
        XCTAssertEqual(afterSecond.count, 187, "only the 7 changed customers are new messages")
    }

    func testWrongTokenFailsNamingTheSettingAndSecretStaysHidden() async throws {
        try await startShop(customers: 10)
        let folder = try deployment(streams: ["customers"])
        let result = try KontorBinary.run(
            ["sync", "shop", "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path],
            in: folder, environment: ["SHOP_TOKEN": "shpat_wrong_secret_value"])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("access token"), result.stderr)
        XCTAssertTrue(result.stderr.contains("401"), result.stderr)
        XCTAssertFalse(result.stderr.contains("shpat_wrong_secret_value"), "the secret leaked:\n\(result.stderr)")
    }

    func testUnknownSourceSuggestsTheNearestName() async throws {
        try await startShop(customers: 1)
        let folder = try deployment()
        let result = try KontorBinary.run(
            ["sync", "shopp", "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path],
            in: folder, environment: ["SHOP_TOKEN": "shpat_emulator"])
        XCTAssertEqual(result.exitCode, 2)
        XCTAssertTrue(result.stderr.contains("Did you mean 'shop'?"), result.stderr)
    }

    /// A `kontor sync` killed with SIGKILL mid-run resumes on the next run from
    /// its last committed page: every customer stored once, none lost.
    func testKilledSyncResumesWithoutLossOrDuplicates() async throws {
        try await startShop(customers: 600)
        shop.faults.add(FaultRule(.delay(seconds: 0.15), on: .always))  // about 0.15 s a page: time to kill it
        let folder = try deployment(pageSize: 20, streams: ["customers"])
        let process = Process()
        process.executableURL = try KontorBinary.executableURL()
        process.arguments = ["sync", "shop", "--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "SHOP_TOKEN": "shpat_emulator"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (bounded) until some pages, but not all, are committed, then kill -9.
        var stored = 0
        for _ in 0..<600 where stored < 100 {
            try await Task.sleep(for: .milliseconds(50))
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("kontor.db").path) {
                stored = (try? await storedEvents(folder).count) ?? 0
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let partial = try await storedEvents(folder)
        XCTAssertGreaterThan(partial.count, 0)
        XCTAssertLessThan(partial.count, 600, "the run was killed before it finished")

        shop.faults.removeAll()
        let rerun = try sync(folder)
        XCTAssertEqual(rerun.exitCode, 0, rerun.stderr)
        let final = try await storedEvents(folder)
        XCTAssertEqual(final.count, 600, "every customer stored exactly once")
        XCTAssertEqual(final.ids.count, 600)
        XCTAssertTrue(partial.ids.isSubset(of: final.ids))
    }
}
