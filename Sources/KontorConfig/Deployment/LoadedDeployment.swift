import KontorCore

/// A checked `connectors.yaml`: the model, the positioned tree (for tools
/// that point back into the file), the warnings, and the substituted secrets.
public struct LoadedDeployment: Sendable {
    public var deployment: Deployment
    public var root: YAMLNode
    /// The file name diagnostics use.
    public var file: String
    /// Non-fatal findings (a secret written as a literal, …).
    public var warnings: [Diagnostic]
    /// The values substituted for `${secret:…}`.
    public var secrets: Set<String>

    public init(deployment: Deployment, root: YAMLNode, file: String, warnings: [Diagnostic], secrets: Set<String>) {
        self.deployment = deployment
        self.root = root
        self.file = file
        self.warnings = warnings
        self.secrets = secrets
    }

    /// Scrubs this deployment's secrets from logs and error messages.
    public var redactor: SecretRedactor { SecretRedactor(secrets: secrets) }
}
