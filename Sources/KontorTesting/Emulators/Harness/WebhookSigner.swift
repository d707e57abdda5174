import Crypto
import Foundation

/// A webhook delivery as a sender would make it: the exact body bytes and the signed headers.
/// Post it with any client to a Kontor `/hooks/{source}` endpoint.
public struct SignedWebhook: Sendable, Hashable {
    public var headers: [String: String]
    public var body: [UInt8]

    public init(headers: [String: String], body: [UInt8]) {
        self.headers = headers
        self.body = body
    }
}

/// HMAC-SHA256 signatures in the encodings the sources use (always over the raw body bytes).
public enum WebhookSigner {
    /// `base64(HMAC_SHA256(secret, body))` (Shopify, WooCommerce; Typeform adds `sha256=`).
    public static func base64(body: [UInt8], secret: String) -> String {
        Data(mac(body: body, secret: secret)).base64EncodedString()
    }

    /// Lower-case hex `HMAC_SHA256(secret, body)` (Meta's `X-Hub-Signature-256` after `sha256=`).
    public static func hex(body: [UInt8], secret: String) -> String {
        mac(body: body, secret: secret).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    static func mac(body: [UInt8], secret: String) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return Array(code)
    }
}
