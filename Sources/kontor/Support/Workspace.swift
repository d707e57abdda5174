import Foundation
import KontorConfig
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore

/// What every command that works on a deployment needs: the checked
/// `connectors.yaml`, the plugin catalog it was checked against, and its
/// store (opened from `store:` relative to the configuration's folder, and migrated).
struct Workspace {
    var configPath: String
    var loaded: LoadedDeployment
    var catalog: PluginCatalog
    var store: SQLiteStore

    var deployment: Deployment { loaded.deployment }
    /// The folder relative paths in the configuration are resolved against.
    var folder: String { URL(fileURLWithPath: configPath).deletingLastPathComponent().path }

    /// Loads and checks the configuration and its plugins, then opens the store.
    /// Every problem becomes a `CommandFailure` carrying the diagnostics `kontor validate` would print.
    static func open(_ options: ConfigOptions) async throws -> Workspace {
        let (path, loaded, catalog) = try loadDeployment(options)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            let store = try SQLiteStore.open(try StoreURL(parsing: loaded.deployment.store), relativeTo: folder)
            try await store.migrate()
            return Workspace(configPath: path, loaded: loaded, catalog: catalog, store: store)
        } catch {
            throw CommandFailure(message: "kontor: cannot open the store '\(loaded.deployment.store)': \(error)")
        }
    }

    /// Loads and checks the configuration and its plugins, without touching the store.
    static func loadDeployment(_ options: ConfigOptions) throws -> (String, LoadedDeployment, PluginCatalog) {
        let environment = ProcessInfo.processInfo.environment
        let path = options.configPath(environment: environment)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure(message: """
                kontor: cannot read the configuration '\(path)': no such file or not readable.
                Pass --config FILE, set KONTOR_CONFIG, or run where connectors.yaml is.
                """)
        }
        let directories = options.pluginDirectories(
            configured: ConfiguredPluginDirectories.read(text: text, file: path), environment: environment)
        let (catalog, _) = PluginCatalog.load(directories: directories.map { URL(fileURLWithPath: $0) })
        do {
            let loaded = try DeploymentLoader.load(
                text: text, file: path, environment: environment, pluginNames: catalog.names,
                pluginLookup: { catalog[$0]?.descriptor })
            return (path, loaded, catalog)
        } catch {
            let lines = error.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw CommandFailure(message: (lines + ["\(path): invalid; run `kontor validate` for details"]).joined(separator: "\n"))
        }
    }

    /// The plugin of source `name`, or a usage failure naming the configured sources.
    func source(_ name: String) throws -> (SourceConfig, PluginDefinition) {
        guard let source = deployment.sources[name] else {
            let known = deployment.sources.keys.sorted()
            let hint = NearestName.suggest(for: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
            throw CommandFailure(
                message: "kontor: unknown source '\(name)'.\(hint) Configured: \(known.joined(separator: ", "))", exitCode: 2)
        }
        guard let plugin = catalog[source.plugin] else {
            throw CommandFailure(message: "kontor: source '\(name)': plugin '\(source.plugin)' is not installed")
        }
        return (source, plugin)
    }

    /// A name for this process in leases and logs: `cli:<host>:<pid>`.
    static var processOwner: String { LeaseOwner.current(role: "cli").description }

    func close() async {
        try? await store.close()
    }
}
