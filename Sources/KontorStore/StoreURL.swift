/// Where Kontor keeps its state: the `store:` line of `connectors.yaml`.
///
/// Accepted forms:
/// - `sqlite:kontor.db`: a SQLite file, relative to the configuration's folder
/// - `sqlite:///var/lib/kontor/kontor.db` (or `sqlite:/var/lib/kontor/kontor.db`): an absolute path
/// - `sqlite::memory:`: a private in-memory database (tests, demos)
/// - `postgres://user:password@host:5432/kontor` (or `postgresql://…`): a PostgreSQL database
///
/// ```swift
/// let url = try StoreURL(parsing: "sqlite:kontor.db")
/// url.engine                                  // "sqlite"
/// if case .sqliteFile(let path) = url { … }   // path == "kontor.db"
/// ```
public enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file; the path is absolute or relative to the configuration's folder.
    case sqliteFile(path: String)
    /// A private in-memory SQLite database that disappears with the process.
    case sqliteMemory
    /// A PostgreSQL server.
    case postgres(PostgresLocation)

    /// The engine name: `sqlite` or `postgres`.
    public var engine: String {
        switch self {
        case .sqliteFile, .sqliteMemory: return "sqlite"
        case .postgres: return "postgres"
        }
    }

    /// The URL in its canonical form, with any password replaced by `***`.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return path.hasPrefix("/") ? "sqlite://\(path)" : "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let location): return location.description
        }
    }

    /// For a relative SQLite file, the path joined to `directory`; otherwise `self`.
    ///
    /// `sqlite:kontor.db` in `/etc/kontor/connectors.yaml` means `/etc/kontor/kontor.db`.
    public func resolved(relativeTo directory: String) -> StoreURL {
        guard case .sqliteFile(let path) = self, !path.hasPrefix("/"), !directory.isEmpty else { return self }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return .sqliteFile(path: base + "/" + path)
    }
}

/// Where a PostgreSQL store lives. The password is kept for the engine but
/// never shown: ``description`` prints `***` in its place.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    public var database: String?
    /// Query parameters such as `sslmode=require`, in their order.
    public var parameters: [(name: String, value: String)] {
        get { parameterPairs.map { ($0.name, $0.value) } }
        set { parameterPairs = newValue.map { Parameter(name: $0.name, value: $0.value) } }
    }

    private var parameterPairs: [Parameter]

    private struct Parameter: Sendable, Hashable {
        var name: String
        var value: String
    }

    public init(
        host: String = "localhost", port: Int = 5432, user: String? = nil, password: String? = nil,
        database: String? = nil, parameters: [(name: String, value: String)] = []
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.parameterPairs = parameters.map { Parameter(name: $0.name, value: $0.value) }
    }

    public var description: String {
        var text = "postgres://"
        if let user {
            text += user
            if password != nil { text += ":***" }
            text += "@"
        }
        text += host.contains(":") ? "[\(host)]" : host
        if port != 5432 { text += ":\(port)" }
        if let database { text += "/\(database)" }
        if !parameterPairs.isEmpty {
            text += "?" + parameterPairs.map { parameter in
                let shown = parameter.name.lowercased().contains("password") ? "***" : parameter.value
                return "\(parameter.name)=\(shown)"
            }.joined(separator: "&")
        }
        return text
    }
}
