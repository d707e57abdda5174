import Foundation
import KontorCore

/// Loads `connectors.yaml`: YAML → `${env:…}`/`${secret:…}` → schema
/// validation → `Deployment` → cross-checks (segment, purpose and trait
/// names, schedules, listen/store, and each source's and destination's use
/// of its plugin). Every problem of the file is reported at once.
///
/// ```swift
/// let loaded = try DeploymentLoader.load(
///     file: "connectors.yaml", environment: ProcessInfo.processInfo.environment,
///     pluginNames: catalog.names, pluginLookup: { catalog[$0]?.descriptor })
/// ```
public enum DeploymentLoader {
    /// Reads and loads the file at `path`; diagnostics name it as given.
    public static func load(
        file path: String, environment: [String: String], pluginNames: [String] = [],
        pluginLookup: ((String) -> PluginDescriptor?)? = nil
    ) throws(DiagnosticError) -> LoadedDeployment {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticError([.error(at: nil, "cannot read \(path): \(error.localizedDescription)")])
        }
        return try load(text: text, file: path, environment: environment, pluginNames: pluginNames, pluginLookup: pluginLookup)
    }

    /// Loads `text`; throws every error (warnings included, for context) when there is any.
    public static func load(
        text: String, file: String, environment: [String: String], pluginNames: [String] = [],
        pluginLookup: ((String) -> PluginDescriptor?)? = nil
    ) throws(DiagnosticError) -> LoadedDeployment {
        let (loaded, diagnostics) = check(
            text: text, file: file, environment: environment, pluginNames: pluginNames, pluginLookup: pluginLookup)
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        return loaded
    }

    /// Every diagnostic of `text`, and the deployment when there is no error (for `kontor validate`).
    public static func check(
        text: String, file: String, environment: [String: String], pluginNames: [String] = [],
        pluginLookup: ((String) -> PluginDescriptor?)? = nil
    ) -> (LoadedDeployment?, [Diagnostic]) {
        var document = ConfigDocumentLoader.load(
            Deployment.self, text: text, file: file, environment: environment, references: Deployment.definitions,
            shapeChecks: TraitShapeCheck.diagnostics(in:))
        guard let deployment = document.model ?? document.uncheckedModel, let root = document.root else {
            return (nil, document.diagnostics)
        }
        var checker = DeploymentChecker(
            deployment: deployment, root: root, pluginNames: pluginNames, pluginLookup: pluginLookup)
        checker.run()
        // A cross-check finding where validation already reported an error would only repeat it.
        let reported = Set(document.diagnostics.filter { $0.severity == .error }.compactMap(\.location))
        let findings = checker.diagnostics.filter { $0.location.map { !reported.contains($0) } ?? true }
        document.diagnostics = SchemaValidator.sortedByLocation(document.diagnostics + findings)
        document.redactSecrets()
        let loaded = LoadedDeployment(
            deployment: deployment, root: root, file: file,
            warnings: document.diagnostics.filter { $0.severity == .warning }, secrets: document.secrets)
        return (document.hasErrors ? nil : loaded, document.diagnostics)
    }
}
