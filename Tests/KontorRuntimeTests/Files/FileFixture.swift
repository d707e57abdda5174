import Foundation
import KontorCore
import KontorSQLite
import KontorStore
@testable import KontorRuntime

/// Temporary export folders, file settings and plugins written as JSON, and a fresh in-memory store.
enum FileFixture {
    /// A new empty folder under the system's temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` under `folder` (creating subfolders), optionally with a modification time.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL, modified: Date? = nil) throws -> URL {
        try write(Data(text.utf8), name, in: folder, modified: modified)
    }

    @discardableResult
    static func write(_ data: Data, _ name: String, in folder: URL, modified: Date? = nil) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        if let modified { try touch(url, modified) }
        return url
    }

    static func touch(_ url: URL, _ modified: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
    }

    /// The `file:` settings of a stream, from JSON.
    static func source(_ json: String) throws -> FileSource {
        try JSONDecoder().decode(FileSource.self, from: Data(json.utf8))
    }

    /// Every row of `name` read with the settings `json`.
    static func rows(_ json: String, _ name: String, in folder: URL, chunkSize: Int = 64 * 1024) throws -> [FileRow] {
        let format = try FileFormat(try source(json), chunkSize: chunkSize)
        let url = folder.appendingPathComponent(name)
        let reader = try format.reader(for: FileCatalog.Entry(name: name, url: url, modified: 0))
        var rows: [FileRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// A plugin `till` whose one stream `sales` reads `file` and emits a track per row.
    static func plugin(file: String, archive: String? = nil, primaryKey: String? = nil) throws -> PluginDefinition {
        let archiveJSON = archive.map { #","archive":"\#($0)""# } ?? ""
        let key = primaryKey.map { #""primary_key":[\#($0)],"# } ?? ""
        return try JSONDecoder().decode(PluginDefinition.self, from: Data(#"""
        {"format":"kontor/v1","name":"till","spec":{"directory":{"type":"string"}},
         "files":{"root":"{{ config.directory }}"\#(archiveJSON)},
         "streams":{"sales":{\#(key)"file":\#(file),
           "emit":[{"type":"track","event":"Order Completed","user_id":"{{ record.customer_id }}",
                    "properties":{"sku":"$.sku","quantity":"$.quantity"}}]}}}
        """#.utf8))
    }

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        return store
    }

    /// A CSV of `count` sales rows `customer_id,sku,quantity`, with a header.
    static func salesCSV(_ range: Range<Int>) -> String {
        "customer_id,sku,quantity\n" + range.map { "c\($0),sku-\($0 % 7),\($0 % 5 + 1)\n" }.joined()
    }
}

/// A clock standing still, for runs that never wait.
struct FileTestClock: KontorClock {
    var now = Date(timeIntervalSince1970: 1_714_557_600)
    func sleep(until deadline: Date) async throws {}
}

/// A store that fails every page commit after the first `allowed` ones: a process stopped mid-file.
struct CrashingFileStore: SyncStateStore {
    let base: SQLiteStore
    let allowed: Int
    private let commits = FileCommitCounter()

    init(base: SQLiteStore, allowed: Int) {
        self.base = base
        self.allowed = allowed
    }

    func cursor(source: String, stream: String, partition: String) async throws(StoreError) -> JSONValue? {
        try await base.cursor(source: source, stream: stream, partition: partition)
    }

    func commitPage(source: String, stream: String, partition: String, messages: [Message], cursor: JSONValue?)
        async throws(StoreError) -> AppendResult
    {
        guard commits.next() <= allowed else { throw StoreError(.database, "simulated crash") }
        return try await base.commitPage(source: source, stream: stream, partition: partition, messages: messages, cursor: cursor)
    }

    func resetState(source: String, stream: String?) async throws(StoreError) {
        try await base.resetState(source: source, stream: stream)
    }

    func syncStates(source: String?) async throws(StoreError) -> [SyncState] {
        try await base.syncStates(source: source)
    }
}

final class FileCommitCounter: Sendable {
    private let count = MutexBox(0)

    /// Counts one more commit and returns how many there were.
    func next() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
