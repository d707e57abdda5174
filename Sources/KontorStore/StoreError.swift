/// Why a store operation failed.
///
/// Every engine throws this one type, so callers (the CLI, the server, the
/// runtime services) can report a store problem without knowing the engine.
/// `message` is a complete sentence fit for a log line or a terminal; it never
/// contains a stored value that could be a secret.
///
/// ```swift
/// do { _ = try StoreURL(parsing: "mysql://db/kontor") }
/// catch { print(error) }   // unknown store engine 'mysql' in 'mysql://db/kontor'; …
/// ```
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of failure classes; match on it, show `message`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A store URL that cannot be parsed.
        case invalidURL
        /// A valid request this build cannot serve (e.g. a PostgreSQL URL in a SQLite-only build).
        case unsupported
        /// An argument the store rejects before touching the database (empty id, negative limit).
        case invalidArgument
        /// A value that cannot be written as JSON (e.g. a NaN number).
        case encoding
        /// A stored value that cannot be read back.
        case decoding
        /// The thing asked for does not exist (e.g. an unknown run id).
        case notFound
        /// The request contradicts stored state (e.g. finishing a finished run).
        case conflict
        /// Creating or upgrading the schema failed, or the schema is newer than this build.
        case migration
        /// The engine reported an error (I/O, locking, constraint).
        case database
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
