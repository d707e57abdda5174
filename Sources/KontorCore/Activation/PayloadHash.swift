/// The canonical hash of a mapped payload: SHA-256 (lowercase hex) of its
/// JSON text with object keys sorted.
///
/// Two payloads with the same content hash the same whatever their key order,
/// so the hash says whether a destination's copy of a profile is out of date.
/// Only the mapped payload is hashed: a trait no mapping reads cannot change it.
///
/// ```swift
/// PayloadHash.of(["b": 1, "a": "x"]) == PayloadHash.of(["a": "x", "b": 1])   // true
/// ```
public enum PayloadHash {
    /// The hash of `payload`: 64 lowercase hex digits.
    public static func of(_ payload: JSONValue) -> String {
        PIIHasher.hash(payload.serialized(), algorithm: .sha256, digest: .hex)
    }
}
