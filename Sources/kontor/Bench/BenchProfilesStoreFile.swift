import Foundation

/// Where a benchmark's SQLite store lives: the given path, or a new temporary folder removed afterwards.
enum BenchStoreFile {
    static func prepare(_ path: String?, name: String) throws -> (path: String, cleanup: () -> Void) {
        if let path {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(message: "the store file '\(path)' exists already; a benchmark starts from an empty store")
            }
            return (path, {})
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("kontor.db").path, { try? FileManager.default.removeItem(at: folder) })
    }
}
