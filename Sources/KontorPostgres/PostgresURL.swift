import Foundation

/// A parsed `postgres://user:password@host:port/database` address, as a `store:` or a
/// `postgres` source's `url` setting gives it. `?sslmode=` takes libpq's values
/// `disable`, `prefer` (the default), `require` and `verify-full`.
public struct PostgresURL: Sendable, Equatable {
    /// Whether and how the connection uses TLS, as libpq's `sslmode`.
    public enum SSLMode: String, Sendable, Equatable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without checking the certificate.
        case require
        /// TLS with the certificate checked against the system's trust roots and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    /// Parses the address; `nil` when it is not a `postgres:` or `postgresql:` URL with a host.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user ?? "postgres"
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? self.username : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode == "verify-ca" ? "verify-full" : mode) else { return nil }
        self.sslMode = sslMode
    }
}
