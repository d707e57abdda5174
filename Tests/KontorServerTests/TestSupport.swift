import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorSQLite
import KontorServer
import KontorStore
import Logging
import XCTest

/// A clock that always says the same time.
struct FixedClock: KontorClock {
    var now: Date
    func sleep(until deadline: Date) async throws {}
}

enum Fixture {
    static let writeKey = "wk_test_123"
    static let receivedAt = Date(timeIntervalSince1970: 1_714_564_800)  // 2024-05-01T12:00:00Z

    static func date(_ text: String) -> Date {
        StoreTimestamp.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    /// A migrated in-memory store.
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        return store
    }

    /// A migrated store in a new temporary folder; `sabotage` runs SQL on the file
    /// through a second connection, to make the store fail the way a damaged database would.
    static func fileStore() async throws -> (store: SQLiteStore, sabotage: @Sendable (String) throws -> Void) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("kontor.db").path
        let store = try SQLiteStore.file(at: path)
        try await store.migrate()
        return (store, { sql in try DatabaseQueue(path: path).write { try $0.execute(sql: sql) } })
    }

    static func application(
        store: any KontorStore, clock: any KontorClock = FixedClock(now: receivedAt), limits: IngestLimits = .segment
    ) throws -> Application<RouterResponder<BasicRequestContext>> {
        var logger = Logger(label: "kontor.server.test")
        logger.logLevel = .critical
        let settings = ServerSettings(listen: "127.0.0.1:0", writeKeys: [writeKey])
        return try KontorApplication(settings: settings, store: store, clock: clock, logger: logger, limits: limits)
            .application()
    }

    static func basicAuth(_ key: String) -> String {
        "Basic " + Data("\(key):".utf8).base64EncodedString()
    }
}

extension TestClientProtocol {
    /// POSTs `body` to `path` with the test write key and a JSON content type, unless told otherwise.
    func ingest(
        _ path: String, _ body: [UInt8], authorization: String? = Fixture.basicAuth(Fixture.writeKey),
        contentType: String? = "application/json", contentEncoding: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization }
        if let contentType { headers[.contentType] = contentType }
        if let contentEncoding { headers[.contentEncoding] = contentEncoding }
        return try await executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func ingest(
        _ path: String, json: JSONValue, authorization: String? = Fixture.basicAuth(Fixture.writeKey)
    ) async throws -> TestResponse {
        try await ingest(path, Array(json.serialized().utf8), authorization: authorization)
    }
}

extension TestResponse {
    /// The body parsed as JSON (`.null` when it is not JSON).
    var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? .null
    }
}

/// Message bodies as the Segment libraries send them.
enum Body {
    static func track(
        _ id: String, event: String? = "Order Completed", userId: String? = "u-1",
        properties: JSONValue = ["total": 42.5]
    ) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": "track", "messageId": .string(id), "timestamp": "2024-05-01T10:00:00.000Z",
            "properties": properties,
        ]
        if let event { object["event"] = .string(event) }
        if let userId { object["userId"] = .string(userId) }
        return .object(object)
    }

    static func batch(_ messages: [JSONValue], extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(extra.merging(["batch": .array(messages)]) { mine, _ in mine })
    }

    /// A track message whose properties make it about `bytes` long.
    static func padded(_ id: String, bytes: Int) -> JSONValue {
        track(id, properties: ["padding": .string(String(repeating: "x", count: bytes))])
    }
}

extension SQLiteStore {
    /// Every stored event.
    func all() async throws -> [StoredEvent] {
        try await read(after: 0, limit: 100_000)
    }
}
