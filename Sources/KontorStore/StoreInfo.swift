/// What `kontor status` shows about the store.
public struct StoreInfo: Sendable, Hashable {
    /// `sqlite` or `postgres`.
    public var engine: String
    /// The file path, `:memory:`, or the PostgreSQL URL without its password.
    public var location: String
    /// The size of the stored data in bytes, when the engine can tell.
    public var sizeBytes: Int64?
    /// The schema version: the number of applied migrations.
    public var schemaVersion: Int
    /// Applied migrations, oldest first.
    public var appliedMigrations: [String]
    /// Migrations this build knows that the store has not applied yet.
    public var pendingMigrations: [String]

    public init(
        engine: String, location: String, sizeBytes: Int64?, schemaVersion: Int, appliedMigrations: [String],
        pendingMigrations: [String]
    ) {
        self.engine = engine
        self.location = location
        self.sizeBytes = sizeBytes
        self.schemaVersion = schemaVersion
        self.appliedMigrations = appliedMigrations
        self.pendingMigrations = pendingMigrations
    }
}
