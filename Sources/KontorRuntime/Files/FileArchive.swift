import Foundation

/// The `files.archive` folder: a file fully read and committed moves there,
/// keeping its path below the root (`2024/05/sales.csv` → `done/2024/05/sales.csv`).
/// A name already taken gets a counter (`sales.1.csv`), so nothing is overwritten.
struct FileArchive: Sendable {
    let folder: URL

    /// Moves `entry` into the archive; returns where it went, relative to the archive folder.
    func move(_ entry: FileCatalog.Entry) throws(FileSourceError) -> String {
        let manager = FileManager.default
        var target = folder.appendingPathComponent(entry.name)
        let parent = target.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            let stem = target.deletingPathExtension().lastPathComponent
            let ext = target.pathExtension
            var counter = 1
            while manager.fileExists(atPath: target.path) {
                let name = ext.isEmpty ? "\(stem).\(counter)" : "\(stem).\(counter).\(ext)"
                target = parent.appendingPathComponent(name)
                counter += 1
            }
            try manager.moveItem(at: entry.url, to: target)
        } catch {
            throw .unreadable(entry.name, "cannot move it to the archive \(folder.path): \(error.localizedDescription)")
        }
        let prefix = folder.standardizedFileURL.path + "/"
        let path = target.standardizedFileURL.path
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
