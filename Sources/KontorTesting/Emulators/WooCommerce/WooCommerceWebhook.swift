import Foundation
import KontorCore

/// Builds webhook deliveries signed like WooCommerce (api_facts §2 [3P]):
/// `X-WC-Webhook-Signature` = base64(HMAC-SHA256(secret, raw body)).
public enum WooCommerceWebhook {
    /// A signed delivery; `topic` like `order.created` (resource `order`, event `created`).
    public static func delivery(
        topic: String, payload: JSONValue, secret: String, webhookID: Int = 1, deliveryID: Int,
        source: String = "https://shop.example/"
    ) -> SignedWebhook {
        let body = JSONText.bytes(payload)
        let parts = topic.split(separator: ".", maxSplits: 1).map(String.init)
        return SignedWebhook(
            headers: [
                "Content-Type": "application/json",
                "X-WC-Webhook-Source": source,
                "X-WC-Webhook-Topic": topic,
                "X-WC-Webhook-Resource": parts.first ?? topic,
                "X-WC-Webhook-Event": parts.count > 1 ? parts[1] : "",
                "X-WC-Webhook-Signature": WebhookSigner.base64(body: body, secret: secret),
                "X-WC-Webhook-ID": String(webhookID),
                "X-WC-Webhook-Delivery-ID": String(deliveryID),
            ],
            body: body
        )
    }

    /// An `order.created` (or other topic) delivery for a generated order.
    public static func orderDelivery(_ order: Order, customer: Person?, topic: String = "order.created", secret: String, deliveryID: Int) -> SignedWebhook {
        delivery(topic: topic, payload: WooCommerceRecords.order(order, customer: customer), secret: secret, deliveryID: deliveryID)
    }
}
