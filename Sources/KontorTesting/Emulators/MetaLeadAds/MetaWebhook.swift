import Foundation
import KontorCore

/// Builds `leadgen` webhook deliveries signed like Meta (api_facts §7 [U/3P]):
/// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. Hex, unlike Shopify and Typeform.
public enum MetaWebhook {
    /// The header value Meta would send for `body`.
    public static func signature(body: [UInt8], appSecret: String) -> String {
        "sha256=" + WebhookSigner.hex(body: body, secret: appSecret)
    }

    /// A signed page `leadgen` change notification for a generated person's lead.
    public static func leadgenDelivery(
        _ person: Person, formID: String = MetaLeadAdsConfiguration().formID, pageID: String = "1098765432100", appSecret: String
    ) -> SignedWebhook {
        let lead = MetaLead(person: person)
        let time = Int(lead.createdAt.timeIntervalSince1970)
        let body = JSONText.bytes([
            "object": "page",
            "entry": [[
                "id": .string(pageID), "time": .int(time),
                "changes": [["field": "leadgen", "value": [
                    "leadgen_id": .string(String(lead.id)), "form_id": .string(formID), "page_id": .string(pageID),
                    "ad_id": "23850000000001", "created_time": .int(time),
                ]]],
            ]],
        ])
        return SignedWebhook(
            headers: ["Content-Type": "application/json", "X-Hub-Signature-256": signature(body: body, appSecret: appSecret)],
            body: body
        )
    }
}
