import Foundation
import KontorConfig
import KontorCore
import KontorHTTP
import KontorSQLite
import KontorStore
import XCTest

@testable import KontorRuntime

/// A shipped plugin (`Plugins/<name>/plugin.yaml`, loaded and checked by `PluginLoader`) pulled by the
/// real `SourceRunner` against an emulator on loopback: the real `AsyncHTTPTransport`, an in-memory
/// SQLite store, and a `RecordingClock` (every wait — rate budget, `Retry-After`, backoff — is recorded
/// and skipped, never slept).
///
/// ```swift
/// let pull = try await ShippedPluginPull(plugin: "hubspot", baseURL: hub.baseURL.absoluteString + "/", clock: clock)
/// let result = try await pull.run(["access_token": "pat-emulator"])
/// ```
final class ShippedPluginPull: Sendable {
    let plugin: PluginDefinition
    let source: String
    /// Replaces the plugin's `http.base_url` (the emulator), or nil to keep the plugin's template.
    let baseURL: String?
    let clock: RecordingClock
    let store: SQLiteStore
    let transport = AsyncHTTPTransport()

    init(plugin name: String, source: String? = nil, baseURL: String?, clock: RecordingClock) async throws {
        plugin = try Self.load(name)
        self.source = source ?? name
        self.baseURL = baseURL
        self.clock = clock
        store = try await PluginFixture.store()
    }

    /// The repository root, found from this file's path (through the sandboxes' symlinks).
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Plugins/<name>/plugin.yaml` of this repository, which must load without any diagnostic.
    static func load(_ name: String) throws -> PluginDefinition {
        let (plugin, diagnostics) = PluginLoader.load(directory: repository.appendingPathComponent("Plugins/\(name)"))
        XCTAssertEqual(diagnostics.map(\.description), [], "Plugins/\(name)/plugin.yaml")
        return try XCTUnwrap(plugin, "Plugins/\(name)/plugin.yaml did not load")
    }

    func runner(_ config: JSONValue) throws -> SourceRunner {
        try SourceRunner(
            source: source, plugin: plugin, config: config, store: store, history: store, transport: transport, clock: clock,
            options: PullOptions(baseURL: baseURL, jitterSeed: 1)
        )
    }

    func run(_ config: JSONValue, streams: [String]? = nil) async throws -> PullResult {
        try await runner(config).run(streams: streams)
    }

    /// Runs and returns the error the run must fail with.
    func failure(_ config: JSONValue, streams: [String]? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> PullError {
        let runner = try runner(config)
        do throws(PullError) {
            let result = try await runner.run(streams: streams)
            XCTFail("expected the run to fail; it pulled \(result.total.records) records", file: file, line: line)
            throw PullError(.plugin, "the run did not fail")
        } catch {
            return error
        }
    }

    /// Every stored message, in log order.
    func messages() async throws -> [Message] {
        try await store.read(after: 0, limit: 1_000_000).map(\.message)
    }

    /// The stored state of `stream` (its cursor and any `_resume` checkpoint).
    func state(_ stream: String, partition: String = "") async throws -> JSONValue? {
        try await store.cursor(source: source, stream: stream, partition: partition)
    }

    /// The partition key `stream`'s state is stored under (e.g. `form_id=…`), once a run stored one.
    func partitionKey(_ stream: String) async throws -> String? {
        try await store.syncStates(source: source).first { $0.stream == stream }?.partition
    }

    func shutdown() async throws {
        try await transport.shutdown()
    }
}

/// Counts of stored messages by kind: `identify`, `track:<event>`, `alias`, and `consent`
/// (messages carrying `context.consent.categoryPreferences`).
struct MessageTally: Equatable, CustomStringConvertible {
    var counts: [String: Int] = [:]

    init(_ messages: [Message]) {
        for message in messages {
            let kind = message.type == .track ? "track:\(message.event ?? "")" : message.type.rawValue
            counts[kind, default: 0] += 1
            if message.context["consent"]?["categoryPreferences"]?.objectValue?.isEmpty == false { counts["consent", default: 0] += 1 }
        }
    }

    init(_ counts: [String: Int]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    var description: String { counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") }
}

extension RecordingClock {
    /// 2026-01-01: after every generated timestamp (the data sets end at 2025-01-01) and after the touches.
    static func afterTheData() -> RecordingClock {
        RecordingClock(now: Date(timeIntervalSince1970: 1_767_225_600))
    }
}

extension Message {
    /// `context.consent.categoryPreferences`, when set.
    var consentPreferences: [String: JSONValue]? {
        context["consent"]?["categoryPreferences"]?.objectValue
    }
}
