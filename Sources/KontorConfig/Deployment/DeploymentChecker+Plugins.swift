import KontorCore

extension DeploymentChecker {
    /// Each source's and destination's plugin: it exists, its `config` fits the
    /// plugin's spec, and the streams, action, mode and mapping fields exist.
    mutating func checkPlugins() {
        guard let pluginLookup else { return }
        for name in deployment.sources.keys.sorted() {
            guard let source = deployment.sources[name] else { continue }
            let path = ["sources", name]
            guard let plugin = findPlugin(source.plugin, lookup: pluginLookup, at: path, owner: "source '\(name)'") else { continue }
            checkConfig(source.config, of: plugin, at: path, owner: "source '\(name)'")
            for (index, stream) in (source.streams ?? []).enumerated() where !plugin.streams.contains(stream) {
                error(
                    path + ["streams", String(index)], "plugin '\(plugin.name)' has no stream '\(stream)'",
                    suggestion: NearestName.suggest(for: stream, among: plugin.streams.sorted()))
            }
        }
        for name in deployment.destinations.keys.sorted() {
            guard let destination = deployment.destinations[name] else { continue }
            let path = ["destinations", name]
            let owner = "destination '\(name)'"
            guard let plugin = findPlugin(destination.plugin, lookup: pluginLookup, at: path, owner: owner) else { continue }
            checkConfig(destination.config, of: plugin, at: path, owner: owner)
            checkAction(destination, of: plugin, at: path)
        }
    }

    private mutating func findPlugin(
        _ name: String, lookup: (String) -> PluginDescriptor?, at path: [String], owner: String
    ) -> PluginDescriptor? {
        if let plugin = lookup(name) { return plugin }
        error(path + ["plugin"], "unknown plugin '\(name)' in \(owner)", suggestion: NearestName.suggest(for: name, among: pluginNames))
        return nil
    }

    private mutating func checkConfig(_ config: [String: JSONValue], of plugin: PluginDescriptor, at path: [String], owner: String) {
        let configPath = path + ["config"]
        for key in config.keys.sorted() {
            guard let setting = plugin.settings[key] else {
                diagnostics.append(.error(
                    at: root.keyLocation(at: configPath + [key]),
                    "unknown setting '\(key)' for plugin '\(plugin.name)' in \(owner)",
                    suggestion: NearestName.suggest(for: key, among: plugin.settings.keys.sorted())))
                continue
            }
            guard let node = root.node(at: configPath + [key]) else { continue }
            checkSetting(key, setting, node: node, plugin: plugin)
        }
        for key in plugin.settings.keys.sorted() where plugin.settings[key]?.isRequired == true && config[key] == nil {
            error(
                root.node(at: configPath) == nil ? path : configPath,
                "missing required setting '\(key)' of plugin '\(plugin.name)' in \(owner)")
        }
    }

    private mutating func checkSetting(_ key: String, _ setting: PluginDescriptor.Setting, node: YAMLNode, plugin: PluginDescriptor) {
        let value = node.toJSON()
        let fits: Bool
        switch setting.type {
        case "string", "secret", "datetime", "date": fits = value.stringValue != nil
        case "integer": fits = { if case .int = value { return true } else { return false } }()
        case "number": fits = value.doubleValue != nil
        case "boolean": fits = value.boolValue != nil
        case "object": fits = value.objectValue != nil
        case "array": fits = value.arrayValue != nil
        case "enum": fits = setting.choices.isEmpty || setting.choices.contains(value)
        default: fits = true
        }
        if !fits {
            let expected = setting.type == "enum"
                ? "one of " + setting.choices.map { $0.stringValue.map { "'\($0)'" } ?? "\($0)" }.joined(separator: ", ")
                : "a value of type \(setting.type)"
            diagnostics.append(.error(
                at: node.location, "setting '\(key)' of plugin '\(plugin.name)' expects \(expected), got \(node.describedValue)",
                suggestion: setting.type == "enum" ? node.scalar.flatMap { scalar in
                    NearestName.suggest(for: scalar.value, among: setting.choices.compactMap(\.stringValue))
                } : nil))
        }
        if setting.isSecret, let scalar = node.scalar, !scalar.containsSecret {
            diagnostics.append(Diagnostic(
                .warning, at: node.location,
                "setting '\(key)' is a secret; write it as \"${secret:NAME}\" rather than in the file"))
        }
    }

    private mutating func checkAction(_ destination: DestinationConfig, of plugin: PluginDescriptor, at path: [String]) {
        guard let action = plugin.actions[destination.action] else {
            error(
                path + ["action"], "plugin '\(plugin.name)' has no action '\(destination.action)'",
                suggestion: NearestName.suggest(for: destination.action, among: plugin.actions.keys.sorted()))
            return
        }
        if !action.modes.isEmpty, !action.modes.contains(destination.mode) {
            let allowed = ActionMode.allCases.filter(action.modes.contains).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            error(
                path + ["mode"],
                "action '\(destination.action)' of plugin '\(plugin.name)' does not support mode '\(destination.mode.rawValue)'; it supports \(allowed)")
        }
        let mapped = destination.mapping?.objectValue ?? [:]
        for key in mapped.keys.sorted() where !action.fields.contains(key) {
            diagnostics.append(.error(
                at: root.keyLocation(at: path + ["mapping", key]),
                "action '\(destination.action)' of plugin '\(plugin.name)' has no field '\(key)'",
                suggestion: NearestName.suggest(for: key, among: action.fields.sorted())))
        }
        for field in action.requiredFields.sorted() where mapped[field] == nil {
            error(
                root.node(at: path + ["mapping"]) == nil ? path : path + ["mapping"],
                "the mapping must fill field '\(field)' of action '\(destination.action)'")
        }
    }
}
