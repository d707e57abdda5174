import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class WebhookTests: XCTestCase {
    // RFC 4231-style well-known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    private let message = Array("The quick brown fox jumps over the lazy dog".utf8)

    func testSignerEncodings() {
        XCTAssertEqual(WebhookSigner.hex(body: message, secret: "key"), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        XCTAssertEqual(WebhookSigner.base64(body: message, secret: "key"), "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")
    }

    func testShopifyDeliveryIsSignedOverTheExactBody() {
        let set = CustomerDataSet(seed: 1, count: 3)
        let hook = ShopifyWebhook.customerDelivery(set.people[0], secret: "s3cret", webhookID: "wh-1")
        XCTAssertEqual(hook.headers["X-Shopify-Hmac-Sha256"], WebhookSigner.base64(body: hook.body, secret: "s3cret"))
        XCTAssertEqual(hook.headers["X-Shopify-Topic"], "customers/update")
        XCTAssertEqual(hook.headers["X-Shopify-Webhook-Id"], "wh-1")
        let body = try? JSONDecoder().decode(JSONValue.self, from: Data(hook.body))
        XCTAssertEqual(body?["email"]?.stringValue, set.people[0].email)
    }

    func testTypeformMetaAndWooCommerceSignatures() {
        let set = CustomerDataSet(seed: 1, count: 3)
        let typeform = TypeformWebhook.delivery(set.people[1], secret: "tf", eventID: "ev1")
        XCTAssertEqual(typeform.headers["Typeform-Signature"], "sha256=" + WebhookSigner.base64(body: typeform.body, secret: "tf"))
        let typeformBody = try? JSONDecoder().decode(JSONValue.self, from: Data(typeform.body))
        XCTAssertEqual(typeformBody?["event_type"], "form_response")
        XCTAssertNotNil(typeformBody?["form_response"]?["definition"]?["fields"]?.arrayValue)

        let meta = MetaWebhook.leadgenDelivery(set.people[2], appSecret: "app")
        XCTAssertEqual(meta.headers["X-Hub-Signature-256"], "sha256=" + WebhookSigner.hex(body: meta.body, secret: "app"))

        let woo = WooCommerceWebhook.orderDelivery(set.orders[0], customer: set.person(id: set.orders[0].customerID), secret: "wc", deliveryID: 9)
        XCTAssertEqual(woo.headers["X-WC-Webhook-Signature"], WebhookSigner.base64(body: woo.body, secret: "wc"))
        XCTAssertEqual(woo.headers["X-WC-Webhook-Resource"], "order")
        XCTAssertEqual(woo.headers["X-WC-Webhook-Event"], "created")
    }
}
