/// The store in a ``StatusReport``.
public struct StoreStatus: Codable, Sendable, Hashable {
    /// The `store:` URL, with any password replaced by `***`.
    public var url: String
    /// `sqlite` or `postgres`.
    public var engine: String
    /// The file path, `:memory:`, or the PostgreSQL location without its password.
    public var location: String
    /// The size of the stored data in bytes, when the engine can tell (SQLite: the file's pages).
    public var sizeBytes: Int64?
    /// The number of applied migrations.
    public var schemaVersion: Int
    /// Migrations this build knows that the store has not applied yet (run `kontor run` or `kontor sync` to apply).
    public var pendingMigrations: [String]

    public init(
        url: String, engine: String, location: String, sizeBytes: Int64? = nil, schemaVersion: Int = 0,
        pendingMigrations: [String] = []
    ) {
        self.url = url
        self.engine = engine
        self.location = location
        self.sizeBytes = sizeBytes
        self.schemaVersion = schemaVersion
        self.pendingMigrations = pendingMigrations
    }
}
