import Foundation

/// The folder `kontor demo` writes its `connectors.yaml` and store into: a new
/// temporary folder, or the one `--dir` names when it is empty or holds a
/// previous demo (recognised by its marker file; its old store is removed so
/// every demo starts from nothing).
struct DemoFolder {
    /// The marker a demo folder carries.
    static let marker = ".kontor-demo"

    var path: String

    var configPath: String { path + "/connectors.yaml" }

    /// Prepares the folder, or fails naming why it cannot be used.
    static func prepare(_ requested: String?) throws -> DemoFolder {
        let files = FileManager.default
        let path: String
        if let requested {
            path = URL(fileURLWithPath: requested).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CommandFailure(message: "kontor demo: '\(path)' is a file, not a folder", exitCode: 2)
                }
                let contents = (try? files.contentsOfDirectory(atPath: path)) ?? []
                guard contents.isEmpty || contents.contains(marker) else {
                    throw CommandFailure(
                        message: """
                            kontor demo: '\(path)' is not empty and holds no previous demo; \
                            choose an empty or new folder (or leave out --dir for a temporary one)
                            """,
                        exitCode: 2)
                }
                for name in contents where name.hasPrefix("kontor.db") {
                    try? files.removeItem(atPath: path + "/" + name)
                }
            }
        } else {
            path = files.temporaryDirectory.appendingPathComponent("kontor-demo-\(UUID().uuidString.prefix(8).lowercased())").path
        }
        do {
            try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data("This folder was written by `kontor demo`; it may be overwritten by the next demo.\n".utf8)
                .write(to: URL(fileURLWithPath: path + "/" + marker))
        } catch {
            throw CommandFailure(message: "kontor demo: cannot write to '\(path)': \(error.localizedDescription)")
        }
        return DemoFolder(path: path)
    }

    /// Writes `text` as the folder's `connectors.yaml`.
    func writeConfiguration(_ text: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic)
        } catch {
            throw CommandFailure(message: "kontor demo: cannot write '\(configPath)': \(error.localizedDescription)")
        }
    }
}
