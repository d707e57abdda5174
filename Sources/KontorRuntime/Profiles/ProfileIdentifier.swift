import KontorCore

/// Ids of new profiles, derived from the message that created them.
///
/// Why derived: the builder commits a batch and its log position together; a
/// crash before the commit replays the batch, and the replay must create the
/// same ids, or merges (which keep the oldest, then the smaller id) and every
/// reference to a profile would differ from an uninterrupted run.
///
/// ```swift
/// ProfileIdentifier.derive(source: "shop", messageID: "m-1")   // "p_3f1c…" (22 characters)
/// ```
public enum ProfileIdentifier {
    /// `p_` and 20 hex digits of SHA-256 over the source, the message id and, when given, a salt.
    public static func derive(source: String, messageID: String, salt: String? = nil) -> ProfileID {
        var input = "kontor-profile\n\(source)\n\(messageID)"
        if let salt { input += "\n\(salt)" }
        return "p_" + PIIHasher.hash(input).prefix(20)
    }
}
