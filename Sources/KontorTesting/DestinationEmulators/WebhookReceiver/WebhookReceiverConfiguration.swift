import Foundation

/// The knobs of ``WebhookReceiverEmulator``; defaults match `Plugins/webhook/plugin.yaml`.
public struct WebhookReceiverConfiguration: Sendable {
    /// The shared key of the HMAC-SHA256 signature.
    public var secret: String
    /// The path deliveries are posted to.
    public var path: String
    /// The header carrying `prefix + hex(HMAC-SHA256(secret, signed content))`.
    public var signatureHeader: String
    /// Text before the digest.
    public var prefix: String
    /// The header with the epoch-seconds timestamp; when set, `"<timestamp>.<body>"` is signed, else the body.
    public var timestampHeader: String?
    /// How far the timestamp may be from the receiver's clock, in seconds (nil: not checked).
    public var tolerance: TimeInterval?
    /// Records per delivery the receiver accepts (nil: any); above it 413 and a violation.
    public var maxRecordsPerRequest: Int?
    /// Requests per second the receiver accepts (nil: any); above it 429 with `Retry-After`.
    public var requestsPerSecond: Int?
    /// The `Retry-After` seconds sent with 429.
    public var retryAfterSeconds: Int

    public init(
        secret: String = "whsec-emulator",
        path: String = "/kontor",
        signatureHeader: String = "X-Kontor-Signature",
        prefix: String = "sha256=",
        timestampHeader: String? = "X-Kontor-Timestamp",
        tolerance: TimeInterval? = 300,
        maxRecordsPerRequest: Int? = nil,
        requestsPerSecond: Int? = nil,
        retryAfterSeconds: Int = 1
    ) {
        self.secret = secret
        self.path = path
        self.signatureHeader = signatureHeader
        self.prefix = prefix
        self.timestampHeader = timestampHeader
        self.tolerance = tolerance
        self.maxRecordsPerRequest = maxRecordsPerRequest
        self.requestsPerSecond = requestsPerSecond
        self.retryAfterSeconds = retryAfterSeconds
    }
}
