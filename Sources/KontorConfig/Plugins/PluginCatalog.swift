import Foundation
import KontorCore

/// Every plugin found under one or more plugin directories
/// (`<directory>/<name>/plugin.yaml`), by name.
///
/// A plugin's name is its folder name; the same name in two directories is
/// an error (no silent shadowing), and a broken plugin is left out with its
/// diagnostics while the others load.
///
/// ```swift
/// let (catalog, diagnostics) = PluginCatalog.load(directories: [URL(fileURLWithPath: "Plugins")])
/// catalog["shopify"]?.streams.keys
/// ```
public struct PluginCatalog: Sendable {
    public private(set) var plugins: [String: PluginDefinition]
    /// The folder each plugin came from.
    public private(set) var locations: [String: URL]

    public init(plugins: [String: PluginDefinition] = [:], locations: [String: URL] = [:]) {
        self.plugins = plugins
        self.locations = locations
    }

    public subscript(name: String) -> PluginDefinition? { plugins[name] }

    /// The plugin names, sorted.
    public var names: [String] { plugins.keys.sorted() }

    /// Loads every plugin folder under `directories` (in order), with all diagnostics.
    public static func load(directories: [URL]) -> (PluginCatalog, [Diagnostic]) {
        var catalog = PluginCatalog()
        var diagnostics: [Diagnostic] = []
        var seen: [String: URL] = [:]
        for directory in directories {
            for folder in pluginFolders(in: directory) {
                let name = folder.lastPathComponent
                let file = folder.appendingPathComponent(PluginLoader.fileName)
                if let first = seen[name] {
                    diagnostics.append(.error(
                        at: SourceLocation(file: file.path, line: 1, column: 1),
                        "plugin '\(name)' is already defined in \(first.appendingPathComponent(PluginLoader.fileName).path)"
                    ))
                    continue
                }
                seen[name] = folder
                let (plugin, problems) = PluginLoader.load(directory: folder)
                diagnostics += problems
                if let plugin {
                    catalog.plugins[name] = plugin
                    catalog.locations[name] = folder
                }
            }
        }
        return (catalog, diagnostics)
    }

    /// The sub-folders of `directory` that hold a plugin.yaml, sorted by name.
    static func pluginFolders(in directory: URL) -> [URL] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }.filter { folder in
            manager.fileExists(atPath: folder.appendingPathComponent(PluginLoader.fileName).path)
        }
    }
}
