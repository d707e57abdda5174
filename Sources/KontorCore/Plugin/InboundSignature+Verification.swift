import Crypto
import Foundation

extension InboundSignature {
    /// The digest of `content` under `secret`, encoded as the scheme declares
    /// (without the prefix): what an honest sender puts in the header.
    ///
    /// ```swift
    /// // RFC 4231 test case 2
    /// signature.digest(of: Array("what do ya want for nothing?".utf8), secret: "Jefe")
    /// // hex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    /// ```
    public func digest(of content: [UInt8], secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac: [UInt8]
        switch algorithm {
        case .hmacSHA256: mac = Array(HMAC<SHA256>.authenticationCode(for: content, using: key))
        case .hmacSHA1: mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: content, using: key))
        }
        switch encoding {
        case .hex: return mac.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        case .base64: return Data(mac).base64EncodedString()
        }
    }

    /// Whether `headerValue` carries the signature of `content` under `secret`.
    ///
    /// The prefix (`sha256=`) must be present when declared; hex digests are
    /// compared case-insensitively. The comparison takes the same time
    /// wherever the first difference is, so the digest cannot be guessed byte
    /// by byte from response times. An empty secret never verifies.
    public func verifies(_ headerValue: String, content: [UInt8], secret: String) -> Bool {
        guard !secret.isEmpty else { return false }
        var sent = Substring(headerValue.trimmingCharacters(in: .whitespaces))
        if let prefix, !prefix.isEmpty {
            guard sent.hasPrefix(prefix) else { return false }
            sent = sent.dropFirst(prefix.count)
        }
        let expected = digest(of: content, secret: secret)
        let given = encoding == .hex ? sent.lowercased() : String(sent)
        return Self.constantTimeEqual(Array(given.utf8), Array(expected.utf8))
    }

    /// Equal byte strings, in time that depends only on the lengths.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
