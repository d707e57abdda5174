import Foundation
import KontorCore

/// Loads one `kontor/v1` plugin: YAML with positions, schema validation,
/// decoding, then the cross-reference checks, reporting every problem.
///
/// ```swift
/// let (plugin, diagnostics) = PluginLoader.load(directory: URL(fileURLWithPath: "Plugins/shopify"))
/// // Plugins/shopify/plugin.yaml:42:31: error: unknown setting 'config.shoop': the spec has no key 'shoop'; did you mean 'shop'?
/// ```
public enum PluginLoader {
    /// The file every plugin folder holds.
    public static let fileName = "plugin.yaml"

    /// Loads `<directory>/plugin.yaml`; the plugin's `name` must equal the folder name.
    public static func load(directory: URL) -> (PluginDefinition?, [Diagnostic]) {
        let file = directory.appendingPathComponent(fileName)
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            return (nil, [.error(at: nil, "cannot read \(file.path): \(error.localizedDescription)")])
        }
        return load(text: text, file: file.path, expectedName: directory.lastPathComponent)
    }

    /// Loads a plugin from text; `file` names it in diagnostics.
    /// Returns the plugin only when no diagnostic is an error.
    public static func load(text: String, file: String, expectedName: String? = nil) -> (PluginDefinition?, [Diagnostic]) {
        let document = ConfigDocumentLoader.load(
            PluginDefinition.self, text: text, file: file, environment: nil, references: PluginDefinition.definitions
        )
        var diagnostics = document.diagnostics
        // Cross-checks also run on a model decoded in spite of schema errors, so one
        // pass reports an unknown key and an unknown `config.x` together.
        if let root = document.root, let plugin = document.model ?? document.uncheckedModel {
            var checker = PluginChecker(root: root, plugin: plugin, expectedName: expectedName)
            diagnostics += checker.run()
        }
        diagnostics = SchemaValidator.sortedByLocation(unique(diagnostics))
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : document.model, diagnostics)
    }

    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
