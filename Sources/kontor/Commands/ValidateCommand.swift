import ArgumentParser
import Foundation
import KontorConfig
import KontorCore

/// `kontor validate`: checks `connectors.yaml` together with every plugin in
/// the search path, or only the plugin folders given as arguments.
///
/// Exit codes: 0 valid, 1 problems found (printed on stderr as
/// `file:line:column: error: …`), 2 the command line was wrong.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check connectors.yaml and the plugins it uses, or the plugin folders given.",
        discussion: """
            Reports every problem of every file in one run, as file:line:column: error: what.
            Exits 0 when valid, 1 when there are errors, 2 on a usage error.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Plugin folders or plugin.yaml files to check instead of the configuration.")
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        let report = paths.isEmpty ? try validateDeployment() : validatePlugins(paths)
        for diagnostic in report.diagnostics {
            StandardError.write(diagnostic.description)
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if errors > 0 || (strict && warnings > 0) {
            throw CommandFailure(message: "\(report.subject): \(errors) error(s), \(warnings) warning(s)")
        }
        print("\(report.subject): valid\(report.summary.isEmpty ? "" : " (\(report.summary))")")
    }

    private struct Report {
        var subject: String
        var diagnostics: [Diagnostic]
        var summary: String
    }

    private func validateDeployment() throws -> Report {
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
        let (catalog, pluginDiagnostics) = PluginCatalog.load(directories: directories.map { URL(fileURLWithPath: $0) })
        let (loaded, diagnostics) = DeploymentLoader.check(
            text: text, file: path, environment: environment,
            pluginNames: catalog.names, pluginLookup: { catalog[$0]?.descriptor })
        var summary = ""
        if let deployment = loaded?.deployment {
            let used = Set(deployment.sources.values.map(\.plugin) + deployment.destinations.values.map(\.plugin))
            summary = [
                "\(deployment.sources.count) source(s)",
                "\(deployment.destinations.count) destination(s)",
                "\(deployment.segments.count) segment(s)",
                "\(deployment.traits.count) computed trait(s)",
                "plugins: \(used.sorted().joined(separator: ", "))",
            ].joined(separator: ", ")
        }
        return Report(subject: path, diagnostics: pluginDiagnostics + diagnostics, summary: summary)
    }

    private func validatePlugins(_ paths: [String]) -> Report {
        var diagnostics: [Diagnostic] = []
        var names: [String] = []
        for path in paths {
            var url = URL(fileURLWithPath: path)
            if url.lastPathComponent == "plugin.yaml" { url.deleteLastPathComponent() }
            let (plugin, problems) = PluginLoader.load(directory: url)
            diagnostics += problems
            if let plugin { names.append(plugin.name) }
        }
        let subject = paths.count == 1 ? paths[0] : "\(paths.count) plugins"
        return Report(subject: subject, diagnostics: diagnostics, summary: names.sorted().joined(separator: ", "))
    }
}
