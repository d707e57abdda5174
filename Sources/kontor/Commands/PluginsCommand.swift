import ArgumentParser
import Foundation
import KontorConfig
import KontorCore

/// `kontor plugins list|describe`: what connectors are installed and what each one offers.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the installed connector plugins or describe one.",
        subcommands: [PluginsListCommand.self, PluginsDescribeCommand.self]
    )
}

struct PluginsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the plugins in the search path.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let catalog = try InstalledPlugins.load(options)
        var table = TextTable(columns: ["NAME", "KIND", "STREAMS", "ACTIONS", "TITLE"])
        for name in catalog.names {
            guard let plugin = catalog[name] else { continue }
            table.add([
                name, plugin.effectiveKind.rawValue,
                plugin.streams.keys.sorted().joined(separator: ","),
                plugin.actions.keys.sorted().joined(separator: ","),
                plugin.title ?? "",
            ])
        }
        print(table.rendered(), terminator: "")
    }
}

struct PluginsDescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Show a plugin's settings, streams, inbound endpoint and actions.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The plugin name, e.g. shopify.")
    var name: String

    func run() throws {
        let catalog = try InstalledPlugins.load(options)
        guard let plugin = catalog[name] else {
            let hint = NearestName.suggest(for: name, among: catalog.names).map { "; did you mean '\($0)'?" } ?? ""
            throw CommandFailure(message: "kontor: no plugin named '\(name)'\(hint) (installed: \(catalog.names.joined(separator: ", ")))")
        }
        print(PluginDescription(plugin: plugin, location: catalog.locations[name]).rendered(), terminator: "")
    }
}

/// Loads the catalog for the plugin commands; broken plugins are reported on stderr and left out.
enum InstalledPlugins {
    static func load(_ options: ConfigOptions) throws -> PluginCatalog {
        let environment = ProcessInfo.processInfo.environment
        let configPath = options.configPath(environment: environment)
        let configured = (try? String(contentsOfFile: configPath, encoding: .utf8))
            .map { ConfiguredPluginDirectories.read(text: $0, file: configPath) } ?? []
        let directories = options.pluginDirectories(configured: configured, environment: environment)
        guard !directories.isEmpty else {
            throw CommandFailure(message: "kontor: no plugin directory found; pass --plugins DIR or set KONTOR_PLUGINS")
        }
        let (catalog, diagnostics) = PluginCatalog.load(directories: directories.map { URL(fileURLWithPath: $0) })
        for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
        return catalog
    }
}
