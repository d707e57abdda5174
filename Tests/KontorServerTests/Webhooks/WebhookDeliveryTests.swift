import Foundation
import Hummingbird
import HummingbirdTesting
import KontorConfig
import KontorCore
import KontorServer
import KontorTesting
import XCTest

/// Dedupe, routing, the handshake, the timestamp window and the refusals of `/hooks/{source}`.
final class WebhookDeliveryTests: XCTestCase {
    private let people = CustomerDataSet(seed: 5, count: 3)

    func testReplayedDeliveryIsAnswered200ButStoredOnceAlsoAfterARestart() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let (store, _) = try await Fixture.fileStore()
        let hook = ShopifyWebhook.customerDelivery(people.people[0], secret: InboundFixture.shopifySecret, webhookID: "wh-replay")
        let (first, _) = try InboundFixture.application(store: store, clock: clock)
        try await first.test(.router) { client in
            let response = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(response.json["stored"], 1)
            let replay = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(replay.status, .ok)
            XCTAssertEqual(replay.json["stored"], 0)
            XCTAssertEqual(replay.json["duplicates"], 1)
        }
        // A new server on the same store: the delivery is still a duplicate.
        let (second, _) = try InboundFixture.application(store: store, clock: clock)
        try await second.test(.router) { client in
            let replay = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(replay.status, .ok)
            XCTAssertEqual(replay.json["duplicates"], 1)
        }
        let observed1 = try await store.all().count
        XCTAssertEqual(observed1, 1)
    }

    func testADifferentDeliveryIdOfTheSameRecordIsANewDelivery() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let person = people.people[1]
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            for id in ["wh-a", "wh-b"] {
                let hook = ShopifyWebhook.customerDelivery(person, secret: InboundFixture.shopifySecret, webhookID: id)
                let response = try await client.deliver(hook, to: "shop")
                XCTAssertEqual(response.json["stored"], 1, id)
            }
        }
        let observed2 = try await store.all().count
        XCTAssertEqual(observed2, 2)
    }

    func testUnroutedTopicIsAcknowledgedAndDropped() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let hook = ShopifyWebhook.delivery(topic: "products/create", payload: ["id": 1, "title": "Mug"], secret: InboundFixture.shopifySecret)
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json["ignored"], true)
        }
        let observed3 = try await store.all().count
        XCTAssertEqual(observed3, 0)
    }

    func testWooCommerceCreationPingIsFormEncodedAndAccepted() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let body = Array("webhook_id=12".utf8)
        let ping = SignedWebhook(
            headers: [
                "Content-Type": "application/x-www-form-urlencoded",
                "X-WC-Webhook-Signature": WebhookSigner.base64(body: body, secret: InboundFixture.wooSecret),
            ],
            body: body)
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(ping, to: "woo")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json["ignored"], true)
        }
    }

    func testSourcesThatTakeNoWebhooksAre404NamingWhy() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let hook = ShopifyWebhook.customerDelivery(people.people[0], secret: InboundFixture.shopifySecret, webhookID: "x")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let cases = [("nope", "unknown_source"), ("crm", "no_inbound"), ("popup", "wrong_endpoint"), ("old_shop", "source_disabled")]
            for (source, code) in cases {
                let response = try await client.deliver(hook, to: source)
                XCTAssertEqual(response.status, .notFound, source)
                XCTAssertEqual(response.json["code"], .string(code), source)
                XCTAssertTrue(response.json["message"]?.stringValue?.contains(source) ?? false, source)
            }
            let crm = try await client.deliver(hook, to: "crm")
            XCTAssertTrue(crm.json["message"]?.stringValue?.contains("hubspot") ?? false)
        }
        let observed4 = try await store.all().count
        XCTAssertEqual(observed4, 0)
    }

    func testOversizedBodyIs413AndTheServerKeepsServing() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let big = ShopifyWebhook.delivery(
            topic: "customers/update", payload: ["id": 1, "note": .string(String(repeating: "x", count: 1_100_000))],
            secret: InboundFixture.shopifySecret)
        let good = ShopifyWebhook.customerDelivery(people.people[2], secret: InboundFixture.shopifySecret, webhookID: "ok")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(big, to: "shop")
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(response.json["code"], "body_too_large")
            let malformed = SignedWebhook(
                headers: ["Content-Type": "application/json", "X-Shopify-Topic": "customers/update",
                          "X-Shopify-Hmac-Sha256": ShopifyWebhook.signature(body: Array("{not json".utf8), secret: InboundFixture.shopifySecret)],
                body: Array("{not json".utf8))
            let bad = try await client.deliver(malformed, to: "shop")
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertEqual(bad.json["code"], "invalid_json")
            let observed5 = try await client.deliver(good, to: "shop").status
            XCTAssertEqual(observed5, .ok)
        }
        let observed6 = try await store.all().count
        XCTAssertEqual(observed6, 1)
    }

    func testMetaVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let ok = try await client.executeRequest(
                uri: "/hooks/leads?hub.mode=subscribe&hub.verify_token=\(InboundFixture.metaVerifyToken)&hub.challenge=1158201444",
                method: .get, headers: [:], body: nil)
            XCTAssertEqual(ok.status, .ok)
            XCTAssertEqual(String(buffer: ok.body), "1158201444")
            let wrong = try await client.executeRequest(
                uri: "/hooks/leads?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", method: .get, headers: [:], body: nil)
            XCTAssertEqual(wrong.status, .forbidden)
            XCTAssertEqual(wrong.json["code"], "invalid_verify_token")
            let noHandshake = try await client.executeRequest(uri: "/hooks/shop?hub.challenge=1", method: .get, headers: [:], body: nil)
            XCTAssertEqual(noHandshake.status, .methodNotAllowed)
        }
    }

    func testTimestampOutsideTheWindowIs401() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (plugin, diagnostics) = PluginLoader.load(text: Self.timedPlugin, file: "signed/plugin.yaml", expectedName: "signed")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let sources = ["partner": SourceConfig(plugin: "signed", config: ["secret": "k3y"])]
        let (app, _) = try InboundFixture.application(store: store, clock: clock, sources: sources, plugins: ["signed": try XCTUnwrap(plugin)])
        let delivery: @Sendable (Date, String) -> SignedWebhook = { time, id in
            let body = Array(#"{"event":"Signed Up","user":"u-\#(id)"}"#.utf8)
            let stamp = String(Int(time.timeIntervalSince1970))
            let signed = Array(stamp.utf8) + Array(".".utf8) + body
            return SignedWebhook(
                headers: ["Content-Type": "application/json", "X-Timestamp": stamp, "X-Id": id,
                          "X-Signature": "sha256=" + WebhookSigner.hex(body: signed, secret: "k3y")],
                body: body)
        }
        try await app.test(.router) { client in
            let fresh = try await client.deliver(delivery(clock.now.addingTimeInterval(-60), "1"), to: "partner")
            XCTAssertEqual(fresh.status, .ok, "\(fresh.json)")
            let stale = try await client.deliver(delivery(clock.now.addingTimeInterval(-301), "2"), to: "partner")
            XCTAssertEqual(stale.status, .unauthorized)
            XCTAssertEqual(stale.json["code"], "timestamp_out_of_window")
            let noStamp = try await client.deliver(delivery(clock.now, "3"), to: "partner", changing: ["X-Timestamp": nil])
            XCTAssertEqual(noStamp.status, .unauthorized)
            XCTAssertEqual(noStamp.json["code"], "missing_timestamp")
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.message.event), ["Signed Up"])
        XCTAssertEqual(stored.first?.message.userId, "u-1")
        XCTAssertEqual(stored.first?.message.context["delivered_by"], "partner-hook")
    }

    /// A generic signed webhook: hex HMAC of "timestamp.body", a 5 minute window, headers visible to emit.
    static let timedPlugin = """
        format: kontor/v1
        name: signed
        version: 1.0.0
        kind: source
        spec:
          secret: {type: secret}
        streams:
          events:
            emit:
              - type: track
                event: "{{ record.event }}"
                user_id: "{{ record.user }}"
                context: {delivered_by: "{{ headers['user-agent'] or 'partner-hook' }}"}
        inbound:
          signature:
            header: X-Signature
            algorithm: hmac_sha256
            encoding: hex
            prefix: "sha256="
            secret: "{{ config.secret }}"
            payload: "{{ timestamp ~ '.' ~ body }}"
            timestamp_header: X-Timestamp
            tolerance: 5m
          delivery_id_header: X-Id
          stream: events
        """
}
