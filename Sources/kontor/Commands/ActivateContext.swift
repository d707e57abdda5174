import Foundation
import KontorConfig
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore

/// What `kontor activate` and `kontor queue` work on: the loaded deployment,
/// its plugins and its store, opened and migrated.
struct ActivateContext {
    var deployment: Deployment
    var catalog: PluginCatalog
    var store: SQLiteStore
    var configPath: String

    /// Loads the configuration (failing with every diagnostic) and opens its store.
    static func load(_ options: ConfigOptions) async throws -> ActivateContext {
        let environment = ProcessInfo.processInfo.environment
        let path = options.configPath(environment: environment)
        let catalog = try InstalledPlugins.load(options)
        let loaded: LoadedDeployment
        do {
            loaded = try DeploymentLoader.load(
                file: path, environment: environment, pluginNames: catalog.names, pluginLookup: { catalog[$0]?.descriptor })
        } catch {
            for diagnostic in error.diagnostics { StandardError.write(diagnostic.description) }
            throw CommandFailure(message: "kontor: \(path) has errors; run `kontor validate` for details")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let store: SQLiteStore
        do {
            store = try SQLiteStore.open(try StoreURL(parsing: loaded.deployment.store), relativeTo: folder)
            try await store.migrate()
        } catch {
            throw CommandFailure(message: "kontor: \(error)")
        }
        return ActivateContext(deployment: loaded.deployment, catalog: catalog, store: store, configPath: path)
    }

    /// The compiled destination `name`, or a failure naming the configured ones.
    func destination(_ name: String) throws -> ActivationDestination {
        guard let config = deployment.destinations[name] else {
            let known = deployment.destinations.keys.sorted()
            let hint = NearestName.suggest(for: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
            throw CommandFailure(
                message: "kontor: unknown destination '\(name)'.\(hint) Configured: \(known.joined(separator: ", "))", exitCode: 2)
        }
        guard let plugin = catalog[config.plugin] else {
            throw CommandFailure(message: "kontor: destination '\(name)': plugin '\(config.plugin)' is not installed")
        }
        do {
            return try ActivationDestination(name: name, config: config, plugin: plugin)
        } catch {
            throw CommandFailure(message: "kontor: \(error)")
        }
    }
}

/// `--since`: an RFC 3339 instant, or a duration back from now (`2d`, `90m`).
enum ActivateSince {
    static func parse(_ text: String?, now: Date) throws -> Date? {
        guard let text else { return nil }
        if let date = StoreTimestamp.date(from: text) { return date }
        if let seconds = DurationParser.seconds(text) { return now.addingTimeInterval(-seconds) }
        throw CommandFailure(
            message: "kontor: --since '\(text)' is neither an RFC 3339 time (2025-06-01T00:00:00Z) nor a duration (2d)",
            exitCode: 2)
    }
}
