import Foundation

/// The files of one stream: those under the root that match its glob, in the
/// stream's order, without the archive folder.
///
/// Names are paths relative to the root with `/` separators
/// (`2024/05/sales-01.csv`); files whose name starts with `.` are left out
/// (editors' and sync tools' temporary files), and so are symbolic links to
/// folders, so nothing outside the root is read.
struct FileCatalog: Sendable {
    /// One file found.
    struct Entry: Sendable, Hashable {
        /// The path relative to the root, `/`-separated.
        var name: String
        var url: URL
        /// Modification time in whole microseconds since 1970: exact in JSON, so a cursor compares equal.
        var modified: Int64
    }

    let root: URL
    /// Left out of the walk (the archive folder when it is under the root).
    let excluded: URL?

    /// The matching files, ordered by name (`order == .name` or no incremental order) or by (mtime, name).
    /// - Throws: `FileSourceError.missingRoot` when the root is not a folder.
    func entries(matching glob: GlobPattern, orderedByModification: Bool) throws(FileSourceError) -> [Entry] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingRoot(root.path)
        }
        var found: [Entry] = []
        try walk(root, prefix: [], glob: glob, into: &found)
        if orderedByModification {
            found.sort { ($0.modified, $0.name) < ($1.modified, $1.name) }
        } else {
            found.sort { $0.name < $1.name }
        }
        return found
    }

    private func walk(_ folder: URL, prefix: [String], glob: GlobPattern, into found: inout [Entry]) throws(FileSourceError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw .unreadable(folder.path, error.localizedDescription)
        }
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            if let excluded, url.standardizedFileURL.path == excluded.standardizedFileURL.path { continue }
            let path = prefix + [name]
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if glob.depth.map({ path.count < $0 }) ?? true {
                    try walk(url, prefix: path, glob: glob, into: &found)
                }
                continue
            }
            let relative = path.joined(separator: "/")
            guard type == .typeRegular || type == .typeSymbolicLink, glob.matches(relative) else { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let target = url.resolvingSymlinksInPath().path
            let modified = (try? FileManager.default.attributesOfItem(atPath: target))?[.modificationDate] as? Date
            found.append(Entry(name: relative, url: url, modified: Self.micros(modified ?? Date(timeIntervalSince1970: 0))))
        }
    }

    /// `date` in whole microseconds since 1970.
    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
    }
}
