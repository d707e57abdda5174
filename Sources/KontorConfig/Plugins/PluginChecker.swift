import KontorCore

/// The cross-reference checks of a plugin that a schema cannot express:
/// names that must exist (`config.x`, partition parents, fields, streams,
/// the erase action), combinations that must hold (`step` with
/// `granularity`, `pii` with `hash`), and where secrets may go.
///
/// Runs on a decoded plugin and positions every problem through the YAML tree.
struct PluginChecker {
    let root: YAMLNode
    let plugin: PluginDefinition
    /// The folder name the plugin must be called by, when loaded from a folder.
    let expectedName: String?
    private(set) var diagnostics: [Diagnostic] = []

    init(root: YAMLNode, plugin: PluginDefinition, expectedName: String?) {
        self.root = root
        self.plugin = plugin
        self.expectedName = expectedName
    }

    /// Every problem found, in no particular order.
    mutating func run() -> [Diagnostic] {
        checkIdentity()
        checkSpec()
        checkTemplates()
        checkStreams()
        checkInbound()
        checkActions()
        checkErase()
        return diagnostics
    }

    mutating func error(_ path: [String], _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(at: root.location(at: path), message, suggestion: suggestion))
    }

    mutating func error(at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(at: location, message, suggestion: suggestion))
    }

    mutating func warning(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    /// An error at `path` for a name that must be one of `candidates`, with a did-you-mean.
    mutating func unknownName(_ path: [String], _ message: String, _ name: String, among candidates: some Collection<String>) {
        error(path, message, suggestion: NearestName.suggest(for: name, among: candidates.sorted()))
    }

    private mutating func checkIdentity() {
        if let expectedName, plugin.name != expectedName {
            error(["name"], "plugin name '\(plugin.name)' must match its folder name '\(expectedName)'")
        }
        switch plugin.kind {
        case .source? where !plugin.actions.isEmpty:
            error(["kind"], "a source plugin cannot have actions; use kind 'both'")
        case .destination? where !plugin.streams.isEmpty || plugin.inbound != nil:
            error(["kind"], "a destination plugin cannot have streams or inbound; use kind 'both'")
        default:
            break
        }
    }

    private mutating func checkSpec() {
        for (key, setting) in plugin.spec {
            let path = ["spec", key]
            if setting.type == .enum, setting.choices?.isEmpty ?? true {
                error(path, "setting '\(key)' of type enum needs 'choices'")
            }
            if let min = setting.min, let max = setting.max, min > max {
                error(path + ["min"], "setting '\(key)' has min greater than max")
            }
            if let value = setting.default, !Self.value(value, fits: setting.type) {
                error(path + ["default"], "default of setting '\(key)' is \(value.typeName), not \(setting.type.rawValue)")
            }
        }
    }

    private static func value(_ value: JSONValue, fits type: Setting.Kind) -> Bool {
        if case .string(let text) = value, text.contains("{{") { return true }
        switch type {
        case .string, .secret, .datetime, .date, .enum: return value.stringValue != nil || type == .enum
        case .integer: return value.intValue != nil
        case .number: return value.doubleValue != nil
        case .boolean: return value.boolValue != nil
        case .object: return value.objectValue != nil
        case .array: return value.arrayValue != nil
        }
    }
}
