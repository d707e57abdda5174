import Foundation
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// One way of running the store conformance suite against SQLite.
struct SQLiteConformanceFlavour {
    var name: String
    var suite: StoreConformance

    /// Private in-memory stores.
    static let memory = SQLiteConformanceFlavour(
        name: "memory",
        suite: StoreConformance(makeStore: {
            let store = try SQLiteStore.inMemory()
            try await store.migrate()
            return store
        }))

    /// A new store file per check in `directory`, reopenable.
    static func file(in directory: String) -> SQLiteConformanceFlavour {
        SQLiteConformanceFlavour(
            name: "file",
            suite: StoreConformance(
                makeStore: {
                    let store = try SQLiteStore.file(at: directory + "/\(UUID().uuidString).db")
                    try await store.migrate()
                    return store
                },
                reopenStore: { store in
                    guard let sqlite = store as? SQLiteStore else {
                        throw StoreError(.unsupported, "not a SQLite store: \(type(of: store))")
                    }
                    try await sqlite.close()
                    let reopened = try SQLiteStore.file(at: sqlite.location)
                    try await reopened.migrate()
                    return reopened
                }))
    }
}

/// A temporary folder removed by `tearDown`.
class TemporaryFolderTestCase: XCTestCase {
    private(set) var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "kontor-sqlite-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if !folder.isEmpty, FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.removeItem(atPath: folder)
        }
    }
}
