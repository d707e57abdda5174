import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import KontorStore
import XCTest

final class IngestAcceptanceTests: XCTestCase {
    func testEverySingleEndpointStoresItsTypeAndAnswersSuccess() async throws {
        let store = try await Fixture.store()
        let bodies: [(String, JSONValue)] = [
            ("identify", ["userId": "u-1", "messageId": "m-identify", "traits": ["email": "ada@example.com"]]),
            ("track", ["anonymousId": "a-1", "messageId": "m-track", "event": "Viewed", "properties": ["sku": "X"]]),
            ("page", ["userId": "u-1", "messageId": "m-page", "name": "Home", "category": "Shop"]),
            ("screen", ["userId": "u-1", "messageId": "m-screen", "name": "Cart"]),
            ("group", ["userId": "u-1", "messageId": "m-group", "groupId": "g-1", "traits": ["name": "ACME"]]),
            ("alias", ["userId": "u-1", "messageId": "m-alias", "previousId": "a-1"]),
        ]
        try await Fixture.application(store: store).test(.router) { client in
            for (type, body) in bodies {
                let response = try await client.ingest("/v1/\(type)", json: body)
                XCTAssertEqual(response.status, .ok, type)
                XCTAssertEqual(response.json, ["success": true], type)
            }
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.type), [.identify, .track, .page, .screen, .group, .alias])
        XCTAssertEqual(stored.map(\.source), Array(repeating: "ingest", count: 6))
        XCTAssertEqual(stored[0].message.traits["email"], "ada@example.com")
        XCTAssertEqual(stored[2].message.category, "Shop")
        XCTAssertEqual(stored[4].message.groupId, "g-1")
        XCTAssertEqual(stored[5].message.previousId, "a-1")
        XCTAssertEqual(stored[1].message.receivedAt, Fixture.receivedAt)
    }

    func testBatchAndImportStoreEveryMessageWithBatchContextMerged() async throws {
        let store = try await Fixture.store()
        let context: JSONValue = ["library": ["name": "batch-lib"], "ip": "10.0.0.1"]
        try await Fixture.application(store: store).test(.router) { client in
            let batch = Body.batch(
                [
                    Body.track("m-1"),
                    ["type": "identify", "userId": "u-2", "messageId": "m-2", "context": ["ip": "10.0.0.2"]],
                ], extra: ["context": context])
            let first = try await client.ingest("/v1/batch", json: batch)
            XCTAssertEqual(first.status, .ok)
            let second = try await client.ingest("/v1/import", json: Body.batch([Body.track("m-3")]))
            XCTAssertEqual(second.status, .ok)
            let empty = try await client.ingest("/v1/batch", json: Body.batch([]))
            XCTAssertEqual(empty.status, .ok)
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.messageId), ["m-1", "m-2", "m-3"])
        XCTAssertEqual(stored[0].message.context["ip"], "10.0.0.1")
        XCTAssertEqual(stored[1].message.context["ip"], "10.0.0.2", "the message's own context wins")
        XCTAssertEqual(stored[1].message.context["library"], ["name": "batch-lib"])
    }

    func testARepeatedMessageIdIsStoredOnce() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            for _ in 0..<3 {
                let response = try await client.ingest("/v1/track", json: Body.track("m-same"))
                XCTAssertEqual(response.status, .ok)
            }
            let batch = try await client.ingest("/v1/batch", json: Body.batch([Body.track("m-same"), Body.track("m-new")]))
            XCTAssertEqual(batch.status, .ok)
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.messageId), ["m-same", "m-new"])
    }

    func testAMessageWithoutMessageIdGetsADeterministicOne() async throws {
        let store = try await Fixture.store()
        let body: JSONValue = ["userId": "u-1", "event": "Signed Up", "timestamp": "2024-05-01T10:00:00Z"]
        let other: JSONValue = ["userId": "u-2", "event": "Signed Up", "timestamp": "2024-05-01T10:00:00Z"]
        try await Fixture.application(store: store).test(.router) { client in
            for json in [body, body, other] {
                let response = try await client.ingest("/v1/track", json: json)
                XCTAssertEqual(response.status, .ok)
            }
        }
        let ids = try await store.all().map(\.message.messageId)
        XCTAssertEqual(ids.count, 2, "the repeated body is stored once")
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("kontor-") && $0.count == 39 }, "\(ids)")
    }

    func testSentAtCorrectsTheTimestampForClockSkew() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            // The device clock is 1h55m behind: sent at 10:05 by its clock, received at 12:00.
            let skewed: JSONValue = [
                "userId": "u", "event": "E", "messageId": "skewed", "timestamp": "2024-05-01T10:00:00.000Z",
                "sentAt": "2024-05-01T10:05:00.000Z",
            ]
            let batchSentAt = Body.batch(
                [["type": "track", "userId": "u", "event": "E", "messageId": "from-batch",
                  "timestamp": "2024-05-01T11:00:00+01:00"]],
                extra: ["sentAt": "2024-05-01T11:30:00.000000+00:00"])
            let noSentAt: JSONValue = [
                "userId": "u", "event": "E", "messageId": "no-sent-at", "timestamp": "2024-05-01T09:00:00Z",
            ]
            let noTimestamp: JSONValue = ["userId": "u", "event": "E", "messageId": "no-timestamp"]
            for (path, body) in [("/v1/track", skewed), ("/v1/batch", batchSentAt), ("/v1/track", noSentAt),
                                 ("/v1/track", noTimestamp)] {
                let response = try await client.ingest(path, json: body)
                XCTAssertEqual(response.status, .ok, "\(response.json)")
            }
        }
        let stored = try await store.all()
        let byId = Dictionary(uniqueKeysWithValues: stored.map { ($0.message.messageId, $0.message) })
        XCTAssertEqual(byId["skewed"]?.timestamp, Fixture.date("2024-05-01T11:55:00Z"))
        XCTAssertEqual(byId["skewed"]?.originalTimestamp, Fixture.date("2024-05-01T10:00:00Z"))
        XCTAssertEqual(byId["skewed"]?.sentAt, Fixture.date("2024-05-01T10:05:00Z"))
        // 11:00+01:00 is 10:00Z; sent 11:30Z, received 12:00Z: +30 minutes.
        XCTAssertEqual(byId["from-batch"]?.timestamp, Fixture.date("2024-05-01T10:30:00Z"))
        XCTAssertEqual(byId["no-sent-at"]?.timestamp, Fixture.date("2024-05-01T09:00:00Z"))
        XCTAssertEqual(byId["no-timestamp"]?.timestamp, Fixture.receivedAt)
    }

    func testGzipBodiesAreInflated() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            let json = Array(Body.batch([Body.track("gz-1"), Body.track("gz-2")]).serialized().utf8)
            let response = try await client.ingest("/v1/batch", Gzip.compress(json), contentEncoding: "gzip")
            XCTAssertEqual(response.status, .ok, "\(response.json)")
        }
        let ids = try await store.all().map(\.message.messageId)
        XCTAssertEqual(ids, ["gz-1", "gz-2"])
    }

    func testTheWriteKeyMayComeFromTheBodyOrABearerHeaderAndIdsMayBeNumbers() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            let inBody: JSONValue = ["userId": 42, "event": "E", "messageId": "m-body", "writeKey": .string(Fixture.writeKey)]
            let fromBody = try await client.ingest("/v1/track", json: inBody, authorization: nil)
            XCTAssertEqual(fromBody.status, .ok)
            let bearer = try await client.ingest(
                "/v1/track", json: Body.track("m-bearer"), authorization: "Bearer \(Fixture.writeKey)")
            XCTAssertEqual(bearer.status, .ok)
            // analytics.js: a one-letter path, text/plain, the key in the body.
            let analyticsJS: JSONValue = [
                "userId": "u", "event": "E", "messageId": "m-text", "writeKey": .string(Fixture.writeKey),
            ]
            let textPlain = try await client.ingest(
                "/v1/t", Array(analyticsJS.serialized().utf8), authorization: nil,
                contentType: "text/plain;charset=UTF-8")
            XCTAssertEqual(textPlain.status, .ok)
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.messageId), ["m-body", "m-bearer", "m-text"])
        XCTAssertEqual(stored[0].message.userId, "42")
    }

    func testBrowsersGetCORSHeadersAndPreflightAnswers() async throws {
        let store = try await Fixture.store()
        try await Fixture.application(store: store).test(.router) { client in
            let preflight = try await client.executeRequest(
                uri: "/v1/batch", method: .options,
                headers: [.origin: "https://shop.example", .accessControlRequestMethod: "POST"], body: nil)
            XCTAssertEqual(preflight.status, .noContent)
            XCTAssertEqual(preflight.headers[.accessControlAllowOrigin], "https://shop.example")
            let post = try await client.executeRequest(
                uri: "/v1/track", method: .post,
                headers: [
                    .origin: "https://shop.example", .contentType: "text/plain",
                    .authorization: Fixture.basicAuth(Fixture.writeKey),
                ],
                body: ByteBuffer(string: "{bad json"))
            XCTAssertEqual(post.status, .badRequest)
            XCTAssertEqual(post.headers[.accessControlAllowOrigin], "https://shop.example")
            XCTAssertEqual(post.json["code"], "invalid_json")
        }
    }
}
