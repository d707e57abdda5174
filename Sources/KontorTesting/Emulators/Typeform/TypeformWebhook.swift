import Foundation
import KontorCore

/// Builds webhook deliveries signed like Typeform (api_facts §5 [3P]):
/// `Typeform-Signature: sha256=<base64(HMAC-SHA256(secret, raw body))>`. Base64, not hex.
public enum TypeformWebhook {
    /// The header value Typeform would send for `body`.
    public static func signature(body: [UInt8], secret: String) -> String {
        "sha256=" + WebhookSigner.base64(body: body, secret: secret)
    }

    /// A signed `form_response` delivery for a generated person's response.
    public static func delivery(
        _ person: Person, formID: String = TypeformConfiguration().formID, secret: String, eventID: String, seed: UInt64 = 0
    ) -> SignedWebhook {
        let response = TypeformResponse(person: person)
        var formResponse = response.item(seed: seed).objectValue ?? [:]
        formResponse["form_id"] = .string(formID)
        formResponse["definition"] = TypeformForm.definition(formID: formID)
        for key in ["landing_id", "response_id", "metadata"] { formResponse[key] = nil }
        let body = JSONText.bytes(["event_id": .string(eventID), "event_type": "form_response", "form_response": .object(formResponse)])
        return SignedWebhook(
            headers: ["Content-Type": "application/json", "Typeform-Signature": signature(body: body, secret: secret)],
            body: body
        )
    }
}
