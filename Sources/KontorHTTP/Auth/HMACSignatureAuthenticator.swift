import Crypto
import Foundation
import KontorCore

/// The `hmac_signature` auth kind: every request is signed with an HMAC of its
/// raw body under a shared key, written to a header (`prefix + digest`), so the
/// receiver can check who sent it. With a `timestamp_header`, the Unix time is
/// sent in that header and `"<timestamp>.<body>"` is signed, so a captured request
/// cannot be replayed later (the receiver checks the age).
///
/// The body signed is the one ``RequestDraft/build()`` produces (its JSON encoding
/// is deterministic), so the signature matches the bytes sent.
///
/// ```swift
/// let auth = HMACSignatureAuthenticator(header: "X-Kontor-Signature", algorithm: .hmacSHA256, encoding: .hex,
///                                       prefix: "sha256=", secret: "whsec", timestampHeader: "X-Kontor-Timestamp",
///                                       clock: SystemClock())
/// let signed = try await auth.authenticate(draft)   // X-Kontor-Timestamp: 1750000000, X-Kontor-Signature: sha256=…
/// ```
public struct HMACSignatureAuthenticator: RequestAuthenticator {
    public let header: String
    public let algorithm: InboundSignature.Algorithm
    public let encoding: DigestEncoding
    public let prefix: String
    public let timestampHeader: String?
    public let clock: any KontorClock
    private let secret: String

    public init(
        header: String, algorithm: InboundSignature.Algorithm, encoding: DigestEncoding, prefix: String = "",
        secret: String, timestampHeader: String? = nil, clock: any KontorClock
    ) {
        self.header = header
        self.algorithm = algorithm
        self.encoding = encoding
        self.prefix = prefix
        self.secret = secret
        self.timestampHeader = timestampHeader
        self.clock = clock
    }

    public func authenticate(_ draft: RequestDraft) async throws(AuthError) -> AuthenticatedDraft {
        var draft = draft
        var signed: [UInt8] = []
        if let timestampHeader {
            let timestamp = String(Int(clock.now.timeIntervalSince1970.rounded(.down)))
            draft.setHeader(timestampHeader, timestamp)
            signed = Array("\(timestamp).".utf8)
        }
        do {
            signed += try draft.build().body ?? []
        } catch {
            throw AuthError("cannot sign the request: \(error.description)")
        }
        draft.setHeader(header, prefix + Self.digest(signed, key: Array(secret.utf8), algorithm: algorithm, encoding: encoding))
        return AuthenticatedDraft(draft)
    }

    public func refresh(generation: Int) async throws(AuthError) -> Bool { false }

    public var queryParameterNames: Set<String> { [] }

    public func secrets() async -> [String] { [secret] }

    /// The HMAC of `message` under `key`, written as `encoding` (hex is lower-case).
    public static func digest(
        _ message: [UInt8], key: [UInt8], algorithm: InboundSignature.Algorithm, encoding: DigestEncoding
    ) -> String {
        let symmetric = SymmetricKey(data: key)
        let bytes: [UInt8] =
            switch algorithm {
            case .hmacSHA256: Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetric))
            case .hmacSHA1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetric))
            }
        switch encoding {
        case .hex: return AWSSignatureV4.hex(bytes)
        case .base64: return Data(bytes).base64EncodedString()
        }
    }
}
