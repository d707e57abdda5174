import Foundation
import KontorCore

/// Builds webhook deliveries signed the way Shopify signs them (api_facts §1 [3P]):
/// `X-Shopify-Hmac-Sha256` = base64(HMAC-SHA256(app secret, raw body)).
///
/// ```swift
/// let hook = ShopifyWebhook.delivery(topic: "customers/update", payload: record, secret: "s3cret")
/// // POST hook.body to Kontor's /hooks/shop with hook.headers
/// ```
public enum ShopifyWebhook {
    /// The signature Shopify would send for `body`.
    public static func signature(body: [UInt8], secret: String) -> String {
        WebhookSigner.base64(body: body, secret: secret)
    }

    /// A signed delivery of `payload` (serialised once; the signature covers exactly those bytes).
    public static func delivery(
        topic: String, payload: JSONValue, secret: String, webhookID: String = UUID().uuidString.lowercased(),
        shopDomain: String = "kontor-demo.myshopify.com", apiVersion: String = "2024-10",
        triggeredAt: Date = CustomerDataSet.defaultBaseDate
    ) -> SignedWebhook {
        let body = JSONText.bytes(payload)
        return SignedWebhook(
            headers: [
                "Content-Type": "application/json",
                "X-Shopify-Topic": topic,
                "X-Shopify-Hmac-Sha256": signature(body: body, secret: secret),
                "X-Shopify-Shop-Domain": shopDomain,
                "X-Shopify-API-Version": apiVersion,
                "X-Shopify-Webhook-Id": webhookID,
                "X-Shopify-Event-Id": webhookID,
                "X-Shopify-Triggered-At": EmulatorTimestamp.format(triggeredAt, .zuluMilliseconds),
            ],
            body: body
        )
    }

    /// A `customers/update` (or other topic) delivery for a generated person, as the REST resource.
    public static func customerDelivery(
        _ person: Person, topic: String = "customers/update", secret: String, webhookID: String
    ) -> SignedWebhook {
        delivery(topic: topic, payload: ShopifyRecords.customer(person, orders: []), secret: secret, webhookID: webhookID)
    }

    /// An `orders/create` (or other topic) delivery for a generated order.
    public static func orderDelivery(
        _ order: Order, customer: Person?, topic: String = "orders/create", secret: String, webhookID: String
    ) -> SignedWebhook {
        delivery(topic: topic, payload: ShopifyRecords.order(order, customer: customer), secret: secret, webhookID: webhookID)
    }
}
