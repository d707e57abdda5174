import Foundation
import HummingbirdTesting
import KontorCore
import KontorServer
import XCTest

/// Every bad input gets the documented status and a JSON error, stores
/// nothing, and leaves the server serving.
final class IngestRejectionTests: XCTestCase {
    struct BadInput {
        var name: String
        var path = "/v1/batch"
        var body: [UInt8]
        var authorization: String? = Fixture.basicAuth(Fixture.writeKey)
        var contentType: String? = "application/json"
        var contentEncoding: String?
        var status: Int = 400
        var code: String
        var field: String?
        var messageMentions: String?
    }

    static func bytes(_ value: JSONValue) -> [UInt8] { Array(value.serialized().utf8) }

    static let badInputs: [BadInput] = [
        BadInput(
            name: "oversized message", path: "/v1/track", body: bytes(Body.padded("m-1", bytes: 33 * 1024)),
            code: "message_too_large", field: "body", messageMentions: "32 KB"),
        BadInput(
            name: "oversized message in a batch",
            body: bytes(Body.batch([Body.track("m-1"), Body.padded("m-2", bytes: 33 * 1024)])),
            code: "message_too_large", field: "batch[1]", messageMentions: "32 KB"),
        BadInput(
            name: "oversized batch",
            body: bytes(Body.batch((0..<20).map { Body.padded("m-\($0)", bytes: 30 * 1024) })),
            code: "batch_too_large", field: "body", messageMentions: "500 KB"),
        BadInput(
            name: "gzip bomb", body: Gzip.compress([UInt8](repeating: 0x20, count: 20 << 20)),
            contentEncoding: "gzip", code: "batch_too_large", field: "body", messageMentions: "decompressed"),
        BadInput(
            name: "corrupt gzip", body: Array("not gzip at all".utf8), contentEncoding: "gzip", code: "invalid_gzip",
            field: "Content-Encoding"),
        BadInput(
            name: "unsupported encoding", body: bytes(Body.batch([Body.track("m-1")])), contentEncoding: "br",
            code: "unsupported_content_encoding", field: "Content-Encoding"),
        BadInput(name: "malformed JSON", body: Array(#"{"batch": [{"type": "track",}"#.utf8), code: "invalid_json"),
        BadInput(name: "JSON that is not an object", path: "/v1/track", body: Array("[1, 2]".utf8), code: "invalid_json"),
        BadInput(
            name: "wrong content type", body: bytes(Body.batch([Body.track("m-1")])),
            contentType: "application/x-www-form-urlencoded", code: "unsupported_content_type", field: "Content-Type"),
        BadInput(
            name: "no content type", body: bytes(Body.batch([Body.track("m-1")])), contentType: nil,
            code: "unsupported_content_type", field: "Content-Type"),
        BadInput(
            name: "track without ids", path: "/v1/track", body: bytes(Body.track("m-1", userId: nil)),
            code: "missing_field", field: "userId", messageMentions: "anonymousId"),
        BadInput(
            name: "batch message without ids",
            body: bytes(Body.batch([Body.track("m-1"), Body.track("m-2", userId: nil)])),
            code: "missing_field", field: "batch[1].userId"),
        BadInput(
            name: "track without event", path: "/v1/track", body: bytes(Body.track("m-1", event: nil)),
            code: "missing_field", field: "event"),
        BadInput(
            name: "batch track with an empty event",
            body: bytes(Body.batch([Body.track("m-1"), Body.track("m-2", event: "")])), code: "missing_field",
            field: "batch[1].event"),
        BadInput(
            name: "unknown type in a batch",
            body: bytes(Body.batch([["type": "purchase", "userId": "u", "messageId": "m"]])), code: "invalid_field",
            field: "batch[0].type"),
        BadInput(
            name: "batch without a batch array", body: bytes(["messages": []]), code: "invalid_field", field: "batch"),
        BadInput(
            name: "timestamp that is not a date", path: "/v1/track",
            body: bytes(["userId": "u", "event": "E", "timestamp": "yesterday"]), code: "invalid_field",
            field: "timestamp"),
        BadInput(
            name: "traits that are not an object", path: "/v1/identify", body: bytes(["userId": "u", "traits": [1]]),
            code: "invalid_field", field: "traits"),
        BadInput(
            name: "bad write key", body: bytes(Body.batch([Body.track("m-1")])),
            authorization: Fixture.basicAuth("wk_wrong"), status: 401, code: "invalid_write_key", field: "writeKey"),
        BadInput(
            name: "bad write key in the body", body: bytes(Body.batch([Body.track("m-1")], extra: ["writeKey": "nope"])),
            authorization: nil, status: 401, code: "invalid_write_key", field: "writeKey"),
        BadInput(
            name: "no write key", body: bytes(Body.batch([Body.track("m-1")])), authorization: nil, status: 401,
            code: "missing_write_key", field: "writeKey"),
        BadInput(
            name: "unreadable Authorization header", body: bytes(Body.batch([Body.track("m-1")])),
            authorization: "Basic %%%", status: 401, code: "invalid_authorization", field: "Authorization"),
        BadInput(
            name: "unknown path", path: "/v1/purchase", body: bytes(Body.track("m-1")), status: 404,
            code: "not_found"),
    ]

    func testEveryBadInputIsRejectedWithAJSONErrorAndNothingIsStored() async throws {
        let store = try await Fixture.store()
        let app = try Fixture.application(store: store)
        try await app.test(.router) { client in
            for bad in Self.badInputs {
                let response = try await client.ingest(
                    bad.path, bad.body, authorization: bad.authorization, contentType: bad.contentType,
                    contentEncoding: bad.contentEncoding)
                XCTAssertEqual(Int(response.status.code), bad.status, bad.name)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", bad.name)
                XCTAssertEqual(response.json["code"], .string(bad.code), "\(bad.name): \(response.json)")
                XCTAssertNotNil(response.json["message"], bad.name)
                if let field = bad.field { XCTAssertEqual(response.json["field"], .string(field), bad.name) }
                if let mention = bad.messageMentions, case .string(let message)? = response.json["message"] {
                    XCTAssertTrue(message.contains(mention), "\(bad.name): '\(message)' lacks '\(mention)'")
                }
                let stored = try await store.count()
                XCTAssertEqual(stored, 0, "\(bad.name) stored something")
            }
            // Still serving: a good request after all of them is stored.
            let response = try await client.ingest("/v1/track", json: Body.track("after"))
            XCTAssertEqual(response.status, .ok)
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.messageId), ["after"])
    }

    func testSeveralProblemsInOneMessageAreAllListed() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            let response = try await client.ingest("/v1/track", json: ["timestamp": "2024-05-01T10:00:00Z"])
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(response.json["field"], "userId")
            XCTAssertEqual(response.json["problems"]?[1]?["field"], "event")
        }
    }

    func testAStoreThatCannotWriteAnswers503WithRetryAfter() async throws {
        let (store, sabotage) = try await Fixture.fileStore()
        try await Fixture.application(store: store).test(.router) { client in
            try sabotage("DROP TABLE events")
            let response = try await client.ingest("/v1/track", json: Body.track("m-1"))
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(response.headers[.retryAfter], "5")
            XCTAssertEqual(response.json["code"], "store_unavailable")
        }
    }

    func testWithoutConfiguredWriteKeysEveryRequestIsRefused() async throws {
        let store = try await Fixture.store()
        let app = try KontorApplication(
            settings: ServerSettings(writeKeys: []), store: store, clock: FixedClock(now: Fixture.receivedAt),
            logger: .init(label: "test")
        ).application()
        try await app.test(.router) { client in
            let response = try await client.ingest("/v1/track", json: Body.track("m-1"), authorization: Fixture.basicAuth(""))
            XCTAssertEqual(response.status, .unauthorized)
        }
        let count = try await store.count()
        XCTAssertEqual(count, 0)
    }
}
