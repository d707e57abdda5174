import Crypto

/// The digests destination APIs use for identities (Mailchimp's subscriber hash, ad-platform hashes).
public enum Digests {
    /// Lower-case hex MD5 (Mailchimp `subscriber_hash` = `md5(lowercase(email))`).
    public static func md5Hex(_ text: String) -> String {
        hex(Array(Insecure.MD5.hash(data: Array(text.utf8))))
    }

    /// Lower-case hex SHA-256 (Meta, Google Customer Match).
    public static func sha256Hex(_ text: String) -> String {
        hex(Array(SHA256.hash(data: Array(text.utf8))))
    }

    /// Mailchimp's subscriber hash of an e-mail address.
    public static func subscriberHash(_ email: String) -> String {
        md5Hex(email.lowercased())
    }

    /// Whether `text` is 64 lower- or upper-case hex digits (a SHA-256 hex digest).
    public static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHexDigit)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}
