/// Replaces known secret values with `***` in any text: log lines, error
/// messages, HTTP bodies echoed in a failure.
///
/// The config loader collects every value it substituted for a
/// `${secret:NAME}`; whatever prints or stores text that might contain one
/// passes it through `redact` first.
///
/// ```swift
/// let redactor = SecretRedactor(secrets: ["shpat_123"])
/// redactor.redact("401 for token shpat_123")   // "401 for token ***"
/// ```
public struct SecretRedactor: Sendable, Hashable {
    /// Secrets, longest first, so a secret containing another is replaced whole.
    public let secrets: [String]

    /// Secrets shorter than `minimumLength` are ignored: redacting every `1`
    /// or `a` in a text would hide more than it protects.
    public init(secrets: some Sequence<String>, minimumLength: Int = 4) {
        self.secrets = Set(secrets)
            .filter { $0.count >= minimumLength }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// `text` with every occurrence of a secret replaced by `***`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: "***")
        }
        return result
    }

    /// True when `text` contains any of the secrets.
    public func containsSecret(_ text: String) -> Bool {
        secrets.contains { text.contains($0) }
    }
}
