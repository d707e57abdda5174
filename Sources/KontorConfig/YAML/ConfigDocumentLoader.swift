import KontorCore

/// The whole path from YAML text to a Swift model, shared by every Kontor
/// file format: parse → interpolate `${env:…}`/`${secret:…}` → validate
/// against the model's schema → decode.
///
/// Decoding runs only when validation found no error, so the user sees the
/// validator's precise messages, all of them at once. Diagnostics never hold
/// a substituted secret.
///
/// ```swift
/// let document = ConfigDocumentLoader.load(PluginDefinition.self, text: text, file: "plugin.yaml",
///                                          environment: nil, references: PluginDefinition.definitions)
/// if let plugin = document.model { ... } else { throw DiagnosticError(document.diagnostics) }
/// ```
public enum ConfigDocumentLoader {
    /// Loads `text` as a `T`.
    /// - Parameters:
    ///   - environment: the variables for `${env:…}`/`${secret:…}`; `nil` leaves the
    ///     text uninterpolated (plugin files, which use `{{ config.x }}` instead).
    ///   - references: the registry for `Schema.reference` names in `T.schema`.
    public static func load<T: Decodable & SchemaDescribed>(
        _ type: T.Type, text: String, file: String, environment: [String: String]?, references: SchemaRegistry? = nil,
        shapeChecks: (YAMLNode) -> [Diagnostic] = { _ in [] }
    ) -> LoadedDocument<T> {
        load(
            type, schema: T.schema, text: text, file: file, environment: environment, references: references,
            shapeChecks: shapeChecks)
    }

    /// Loads `text` as a `T` described by an explicit `schema`.
    ///
    /// `shapeChecks` runs on the interpolated tree next to the schema validation,
    /// for rules a `Schema` cannot say ("exactly one of count, sum, …") and that
    /// would otherwise surface one at a time as decoding errors.
    public static func load<T: Decodable>(
        _ type: T.Type, schema: Schema, text: String, file: String,
        environment: [String: String]?, references: SchemaRegistry? = nil,
        shapeChecks: (YAMLNode) -> [Diagnostic] = { _ in [] }
    ) -> LoadedDocument<T> {
        let (parsed, syntaxDiagnostics) = YAMLDocumentLoader.load(text: text, file: file)
        var document = LoadedDocument<T>(diagnostics: syntaxDiagnostics)
        guard var root = parsed else {
            if syntaxDiagnostics.isEmpty {
                document.diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
            }
            return document
        }
        if let environment {
            let interpolated = Interpolator(environment: environment).interpolate(root)
            root = interpolated.node
            document.secrets = interpolated.secrets
            document.diagnostics += interpolated.diagnostics
        }
        document.root = root
        document.diagnostics += SchemaValidator(file: file, references: references).validate(root, against: schema)
        document.diagnostics += shapeChecks(root)
        document.diagnostics = SchemaValidator.sortedByLocation(document.diagnostics)
        // Decoding also runs after validation errors (unknown keys do not stop it), so
        // callers can cross-check the rest of the file; its own diagnostics then only
        // repeat the validator's, and are dropped.
        let (model, decodeDiagnostics) = ModelDecoder.decode(T.self, from: root, file: file)
        if document.hasErrors {
            document.uncheckedModel = model
        } else {
            document.model = model
            document.diagnostics += decodeDiagnostics
        }
        document.redactSecrets()
        return document
    }
}

/// The result of loading one file: the model when there was no error, the
/// positioned tree for later cross-checks, every diagnostic, and the secret
/// values substituted (for `SecretRedactor`).
public struct LoadedDocument<Model> {
    /// The decoded model, only when the file has no error.
    public var model: Model?
    /// The model decoded in spite of validation errors (unknown keys, bad enum
    /// values the model reads leniently…), for cross-checks that report the
    /// file's remaining problems in the same run. Never use it to run anything.
    public var uncheckedModel: Model?
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
    public var secrets: Set<String>

    public init(model: Model? = nil, root: YAMLNode? = nil, diagnostics: [Diagnostic] = [], secrets: Set<String> = []) {
        self.model = model
        self.root = root
        self.diagnostics = diagnostics
        self.secrets = secrets
    }

    /// True when any diagnostic is an error (warnings do not count).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Scrubs every substituted secret from the diagnostics' messages (a second
    /// line of defence: messages already quote the `${secret:…}` text).
    public mutating func redactSecrets() {
        let redactor = SecretRedactor(secrets: secrets, minimumLength: 1)
        guard !redactor.secrets.isEmpty else { return }
        diagnostics = diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.message = redactor.redact(diagnostic.message)
            copy.suggestion = diagnostic.suggestion.map(redactor.redact)
            return copy
        }
    }
}

extension LoadedDocument: Sendable where Model: Sendable {}
