import ArgumentParser
import Foundation

/// Options shared by every command that reads `connectors.yaml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (default: $KONTOR_CONFIG, else ./connectors.yaml).")
    var config: String?

    @Option(name: .long, help: "An extra plugin directory to search (repeatable; also $KONTOR_PLUGINS, ':'-separated).")
    var plugins: [String] = []

    /// The configuration path: `--config`, else `KONTOR_CONFIG`, else `./connectors.yaml`.
    func configPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let config { return config }
        if let fromEnvironment = environment["KONTOR_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "connectors.yaml"
    }

    /// Plugin directories in search order: `--plugins`, `KONTOR_PLUGINS`, the
    /// `plugins:` entries of the configuration, then `Plugins/` beside the
    /// configuration file and in the working directory.
    func pluginDirectories(
        configured: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        let configDirectory = URL(fileURLWithPath: configPath(environment: environment)).deletingLastPathComponent()
        var directories = plugins
        if let fromEnvironment = environment["KONTOR_PLUGINS"] {
            directories += fromEnvironment.split(separator: ":").map(String.init)
        }
        directories += configured.map { path in
            path.hasPrefix("/") ? path : configDirectory.appendingPathComponent(path).path
        }
        directories.append(configDirectory.appendingPathComponent("Plugins").path)
        directories.append(FileManager.default.currentDirectoryPath + "/Plugins")
        var seen = Set<String>()
        return directories
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            .filter { seen.insert($0).inserted && FileManager.default.fileExists(atPath: $0) }
    }
}
