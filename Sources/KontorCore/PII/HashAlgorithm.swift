/// Hash functions for PII sent to ad platforms.
public enum HashAlgorithm: String, Sendable, CaseIterable, Codable {
    case sha256
    case md5
    case sha1
    case sha512

    /// The digest length in bytes (32 for SHA-256).
    public var byteCount: Int {
        switch self {
        case .sha256: return 32
        case .md5: return 16
        case .sha1: return 20
        case .sha512: return 64
        }
    }
}

/// How a digest is written out.
public enum DigestEncoding: String, Sendable, CaseIterable, Codable {
    case hex
    case base64
}
