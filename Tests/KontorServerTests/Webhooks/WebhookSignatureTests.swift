import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import KontorTesting
import XCTest

/// Each platform's signature scheme, as its plugin declares it, against deliveries
/// signed in the test (KontorTesting's signer) from known secrets.
final class WebhookSignatureTests: XCTestCase {
    private let people = CustomerDataSet(seed: 11, count: 4)

    func testKnownAnswerDigestsOfBothEncodings() throws {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        let data = Array("what do ya want for nothing?".utf8)
        let hex = try Self.scheme(#"{"header": "X", "algorithm": "hmac_sha256", "encoding": "hex", "prefix": "sha256=", "secret": ""}"#)
        XCTAssertEqual(hex.digest(of: data, secret: "Jefe"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let base64 = try Self.scheme(#"{"header": "X", "algorithm": "hmac_sha256", "encoding": "base64", "secret": ""}"#)
        XCTAssertEqual(base64.digest(of: data, secret: "Jefe"), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=")
        XCTAssertTrue(hex.verifies("sha256=5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", content: data, secret: "Jefe"))
        XCTAssertFalse(hex.verifies("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", content: data, secret: "Jefe"))
        XCTAssertFalse(base64.verifies("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", content: data, secret: ""))
    }

    private static func scheme(_ json: String) throws -> InboundSignature {
        try JSONDecoder().decode(InboundSignature.self, from: Data(json.utf8))
    }

    func testConstantTimeCompareTable() {
        let cases: [(String, String, Bool)] = [("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "", true), ("", "a", false)]
        for (left, right, equal) in cases {
            XCTAssertEqual(InboundSignature.constantTimeEqual(Array(left.utf8), Array(right.utf8)), equal, "\(left) vs \(right)")
        }
    }

    func testShopifyCustomerWebhookIsVerifiedAndEmittedAsIdentify() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let person = people.people[0]
        let hook = ShopifyWebhook.customerDelivery(person, secret: InboundFixture.shopifySecret, webhookID: "wh-1")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json["success"], true)
            XCTAssertEqual(response.json["stored"], 1)
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.map(\.source), ["shop"])
        let message = try XCTUnwrap(stored.first?.message)
        XCTAssertEqual(message.type, .identify)
        let sent = try JSONDecoder().decode(JSONValue.self, from: Data(hook.body))
        let customerID = try XCTUnwrap(sent["id"]?.intValue.map(String.init))
        XCTAssertEqual(message.userId, customerID)
        XCTAssertEqual(message.traits["email"], .string(person.email))
        XCTAssertEqual(message.context["identifiers"]?["shopify_customer_id"], .string(customerID))
        XCTAssertTrue(message.messageId.hasPrefix("hook-"), message.messageId)
    }

    func testShopifyOrderWebhookKeepsThePullsMessageId() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let order = try XCTUnwrap(people.orders.first { $0.status != .cancelled })
        let hook = ShopifyWebhook.orderDelivery(order, customer: people.person(id: order.customerID), secret: InboundFixture.shopifySecret, webhookID: "wh-2")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(hook, to: "shop")
            XCTAssertEqual(response.status, .ok)
        }
        let stored = try await store.all()
        let message = try XCTUnwrap(stored.first?.message)
        XCTAssertEqual(message.event, "Order Completed")
        let sent = try JSONDecoder().decode(JSONValue.self, from: Data(hook.body))
        let orderID = try XCTUnwrap(sent["id"]?.intValue)
        XCTAssertEqual(message.messageId, "shopify-order-completed-\(orderID)")
    }

    func testWooCommerceTypeformAndMetaDeliveriesAreAccepted() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let person = people.people[1]
        let order = try XCTUnwrap(people.orders.first)
        let woo = WooCommerceWebhook.orderDelivery(order, customer: person, topic: "order.created", secret: InboundFixture.wooSecret, deliveryID: 7)
        let typeform = TypeformWebhook.delivery(person, formID: "abc123", secret: InboundFixture.typeformSecret, eventID: "ev-1")
        let meta = MetaWebhook.leadgenDelivery(person, appSecret: InboundFixture.metaSecret)
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            for (hook, source) in [(woo, "woo"), (typeform, "survey"), (meta, "leads")] {
                let response = try await client.deliver(hook, to: source)
                XCTAssertEqual(response.status, .ok, "\(source): \(response.json)")
                XCTAssertGreaterThan(response.json["stored"]?.intValue ?? 0, 0, source)
            }
        }
        let stored = try await store.all()
        XCTAssertEqual(Set(stored.map(\.source)), ["woo", "survey", "leads"])
        let lead = try XCTUnwrap(stored.first { $0.source == "leads" }?.message)
        XCTAssertEqual(lead.event, "Lead Received")
        XCTAssertEqual(lead.properties["page_id"], "1098765432100")
        let submitted = try XCTUnwrap(stored.first { $0.source == "survey" && $0.message.type == .track }?.message)
        XCTAssertEqual(submitted.event, "Form Submitted")
        XCTAssertEqual(submitted.properties["form_id"], "abc123")
    }

    func testForgedAndMissingSignaturesAre401AndNothingIsStored() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let person = people.people[2]
        let shop = ShopifyWebhook.customerDelivery(person, secret: "not-the-secret", webhookID: "wh-3")
        let meta = MetaWebhook.leadgenDelivery(person, appSecret: InboundFixture.metaSecret)
        let tampered = SignedWebhook(
            headers: meta.headers,
            body: Array(String(decoding: meta.body, as: UTF8.self).replacingOccurrences(of: "leadgen", with: "leadgeN").utf8))
        let typeform = TypeformWebhook.delivery(person, formID: "abc123", secret: InboundFixture.typeformSecret, eventID: "ev-2")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let cases: [(TestResponse, String)] = [
                (try await client.deliver(shop, to: "shop"), "invalid_signature"),
                (try await client.deliver(tampered, to: "leads"), "invalid_signature"),
                (try await client.deliver(meta, to: "leads", changing: ["X-Hub-Signature-256": nil]), "missing_signature"),
                // Typeform's digest is base64 behind "sha256="; without the prefix it does not verify.
                (try await client.deliver(typeform, to: "survey", changing: ["Typeform-Signature": String(typeform.headers["Typeform-Signature"]?.dropFirst(7) ?? "")]), "invalid_signature"),
                // Meta's digest is hex: Shopify's base64 form of the right MAC is refused.
                (try await client.deliver(meta, to: "leads", changing: ["X-Hub-Signature-256": "sha256=" + WebhookSigner.base64(body: meta.body, secret: InboundFixture.metaSecret)]), "invalid_signature"),
            ]
            for (index, (response, code)) in cases.enumerated() {
                XCTAssertEqual(response.status, .unauthorized, "case \(index)")
                XCTAssertEqual(response.json["code"], .string(code), "case \(index)")
                XCTAssertNotNil(response.json["message"]?.stringValue, "case \(index)")
            }
            // Still serving: a good delivery after the bad ones is stored.
            let good = try await client.deliver(meta, to: "leads")
            XCTAssertEqual(good.status, .ok)
        }
        let observed1 = try await store.all().map(\.source)
        XCTAssertEqual(observed1, ["leads"])
    }

    func testErrorsNeverEchoTheSecret() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let hook = ShopifyWebhook.customerDelivery(people.people[0], secret: "wrong", webhookID: "wh-9")
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.deliver(hook, to: "shop")
            XCTAssertFalse(String(buffer: response.body).contains(InboundFixture.shopifySecret))
        }
    }
}
