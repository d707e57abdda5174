/// Why a SQL driver could not connect or read. The message never holds the
/// password; the runner adds which settings to check (see ``SQLSourceRunner``).
public struct SQLSourceFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The URL is not an address the driver understands.
        case badURL = "bad_url"
        /// No connection: host down, wrong port, TLS refused, too many connections.
        case unreachable
        /// The server refused the user or the password.
        case authentication
        /// The database named in the URL does not exist or may not be used.
        case database
        /// The query failed: bad SQL, unknown table or column, a bad cast, no permission.
        case query
        /// The statement ran longer than `sql.timeout`, or was cancelled.
        case timeout
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
