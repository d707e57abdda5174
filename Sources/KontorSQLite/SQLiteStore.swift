import Foundation
import GRDB
import KontorCore
import KontorStore

/// The embedded default store: one SQLite file (GRDB, WAL mode), or a private
/// in-memory database for tests and demos.
///
/// Files use a `DatabasePool` (WAL: readers never block the writer, and
/// several processes, such as `kontor run` and `kontor sync`, may share the
/// file); memory uses a `DatabaseQueue`. Foreign keys are on. Every write is
/// one SQLite transaction, so a `kill -9` loses at most the transaction in flight.
///
/// ```swift
/// let store = try SQLiteStore.open(try StoreURL(parsing: "sqlite:kontor.db"), relativeTo: "/etc/kontor")
/// try await store.migrate()
/// let result = try await store.append(messages, source: "popup")
/// ```
public final class SQLiteStore: KontorStore {
    /// The database file's path, or `:memory:`.
    public let location: String
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date

    init(location: String, writer: any DatabaseWriter, now: @escaping @Sendable () -> Date) {
        self.location = location
        self.writer = writer
        self.now = now
    }

    /// Opens the store `url` names, without migrating it (call ``migrate()``).
    ///
    /// - Parameters:
    ///   - directory: the folder a relative `sqlite:` path is relative to
    ///     (the configuration's folder); the working directory when `nil`.
    ///   - now: the clock used for `received_at` and `updated_at` columns.
    /// - Throws: `.unsupported` for a `postgres://` URL, `.database` when the file cannot be opened.
    public static func open(
        _ url: StoreURL, relativeTo directory: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(StoreError) -> SQLiteStore {
        switch url.resolved(relativeTo: directory ?? FileManager.default.currentDirectoryPath) {
        case .sqliteMemory:
            return try inMemory(now: now)
        case .sqliteFile(let path):
            return try file(at: path, now: now)
        case .postgres(let location):
            throw StoreError(
                .unsupported,
                "store '\(location)': PostgreSQL stores are not available in this build yet; use a sqlite: store")
        }
    }

    /// Opens (creating if needed) the SQLite file at `path`; its folder must exist.
    public static func file(at path: String, now: @escaping @Sendable () -> Date = { Date() }) throws(StoreError)
        -> SQLiteStore
    {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            throw StoreError(.database, "cannot open store '\(path)': folder '\(folder)' does not exist")
        }
        if !folder.isEmpty, !isDirectory.boolValue {
            throw StoreError(.database, "cannot open store '\(path)': '\(folder)' is not a folder")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            return SQLiteStore(location: path, writer: pool, now: now)
        } catch {
            throw StoreError.database("open store '\(path)'", error)
        }
    }

    /// A new, empty, private in-memory store.
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) -> SQLiteStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            return SQLiteStore(location: ":memory:", writer: queue, now: now)
        } catch {
            throw StoreError.database("open an in-memory store", error)
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "kontor"
        return configuration
    }

    public func close() async throws(StoreError) {
        do {
            try writer.close()
        } catch {
            throw StoreError.database("close store '\(location)'", error)
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        let now = self.now
        do {
            return try await writer.write { db in
                try body(SQLiteTransaction(db: db, now: now()))
            }
        } catch let error as DatabaseError {
            throw StoreError.database("commit a transaction", error)
        }
    }

    /// Runs `work` in a write transaction, reporting engine errors as ``StoreError``s naming `action`.
    func write<T: Sendable>(_ action: String, _ work: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.write(work)
        } catch {
            throw StoreError.wrapping(error, action: action)
        }
    }

    /// Runs `work` as a read, reporting engine errors as ``StoreError``s naming `action`.
    func read<T: Sendable>(_ action: String, _ work: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(work)
        } catch {
            throw StoreError.wrapping(error, action: action)
        }
    }
}
