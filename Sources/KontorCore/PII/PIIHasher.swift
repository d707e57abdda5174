import Crypto
import Foundation

/// Hashes PII, passing through values that already look hashed ("smart hashing").
///
/// Why: sources often deliver PII that was hashed upstream (a CRM export of
/// SHA-256 emails). Hashing it again would make it unmatchable, so a value
/// that already has the digest's length and alphabet is sent as it is, the
/// same rule Segment's `processHashing` applies.
///
/// ```swift
/// PIIHasher.hash("test@example.com")
/// // "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"
/// ```
public enum PIIHasher {
    /// `""` for a blank value; the input unchanged when it already matches the digest's length and alphabet.
    public static func hash(_ value: String, algorithm: HashAlgorithm = .sha256, digest: DigestEncoding = .hex) -> String {
        if value.allSatisfy(\.isWhitespace) { return "" }
        if isAlreadyHashed(value, algorithm: algorithm, digest: digest) { return value }
        let bytes = digestBytes(of: Data(value.utf8), algorithm: algorithm)
        switch digest {
        case .hex: return bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        case .base64: return Data(bytes).base64EncodedString()
        }
    }

    /// True when `value` is hex of the algorithm's digest length (any case), or, for a base64
    /// digest, padded base64 of that length.
    public static func isAlreadyHashed(_ value: String, algorithm: HashAlgorithm, digest: DigestEncoding) -> Bool {
        let scalars = value.unicodeScalars
        if scalars.count == algorithm.byteCount * 2, scalars.allSatisfy(isHexDigit) { return true }
        guard digest == .base64 else { return false }
        let length = (algorithm.byteCount + 2) / 3 * 4
        let padding = (3 - algorithm.byteCount % 3) % 3
        guard scalars.count == length else { return false }
        let body = scalars.prefix(length - padding)
        let tail = scalars.suffix(padding)
        return body.allSatisfy(isBase64Digit) && tail.allSatisfy { $0 == "=" }
    }

    private static func digestBytes(of data: Data, algorithm: HashAlgorithm) -> [UInt8] {
        switch algorithm {
        case .sha256: return Array(SHA256.hash(data: data))
        case .sha512: return Array(SHA512.hash(data: data))
        case .sha1: return Array(Insecure.SHA1.hash(data: data))
        case .md5: return Array(Insecure.MD5.hash(data: data))
        }
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isBase64Digit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || scalar == "+" || scalar == "/"
    }
}
