/// A complete Kontor store: the event log, sync state, run history, consumer
/// positions and schedules of one deployment, plus schema management and
/// transactions.
///
/// Engines (`SQLiteStore`, later a PostgreSQL store) implement it; services
/// take the narrow protocol they need (`any EventLog`, `any RunHistory`, …), and
/// `kontor` opens the engine the `store:` URL names. Every engine passes the
/// store conformance suite in `KontorTesting`.
///
/// ```swift
/// let store = try SQLiteStore.open(try StoreURL(parsing: "sqlite:kontor.db"), relativeTo: configFolder)
/// try await store.migrate()
/// ```
public protocol KontorStore: EventLog, SyncStateStore, RunHistory, ConsumerPositionStore, SchedulesStore {
    /// Applies the migrations this store has not applied yet; a no-op when up to date.
    /// Throws `.migration` when the store was migrated by a newer build.
    func migrate() async throws(StoreError)

    /// The names of the applied migrations, oldest first.
    func appliedMigrations() async throws(StoreError) -> [String]

    /// Engine, location, size and schema version, for `kontor status`.
    func storeInfo() async throws(StoreError) -> StoreInfo

    /// Runs `body` in one transaction: it commits when `body` returns and rolls
    /// back when it throws. Engine failures are ``StoreError``s; an error thrown
    /// by `body` is rethrown unchanged after the rollback.
    func transaction<T: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> T) async throws -> T

    /// Closes the store; later calls fail. Closing twice is harmless.
    func close() async throws(StoreError)
}
