/// Why credentials could not be obtained or applied: a token endpoint refused,
/// a login response had no token, a `select` setting named no option.
///
/// The message is redacted before it is stored here: it never holds a secret.
public struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "authentication: \(message)" }
}
