import KontorCore

extension PluginChecker {
    /// Checks every expression of the file: `config.x` names a spec key,
    /// secrets stay in auth, headers and signatures, action templates read
    /// only declared fields, and one-key objects have one key.
    mutating func checkTemplates() {
        var collector = TemplateSiteCollector(registry: PluginDefinition.definitions)
        collector.visit(root, PluginDefinition.schema, [])
        for site in collector.sites {
            checkConfigAccesses(site)
            checkActionRecordAccesses(site)
        }
        for (node, path) in collector.injects {
            let given = (node.entries ?? []).compactMap(\.key.stringValue).filter(Inject.keys.contains)
            if given.count != 1 {
                error(path, "give exactly one of query, header, body_json, body_form (found \(given.count))")
            }
        }
    }

    private func accesses(of root: String, in site: TemplateSite) -> [(name: String, offset: Int)] {
        switch site.kind {
        case .template: (try? Template(parsing: site.text))?.memberAccesses(of: root) ?? []
        case .expression: (try? Expression(parsing: site.text))?.memberAccesses(of: root) ?? []
        case .recordPath: root == "record" ? FieldPath(parsing: site.text).segments.prefix(1).map { ($0, 2) } : []
        }
    }

    private mutating func checkConfigAccesses(_ site: TemplateSite) {
        for (name, offset) in accesses(of: "config", in: site) {
            let location = site.node.location(atOffset: offset)
            guard let setting = plugin.spec[name] else {
                error(
                    at: location, "unknown setting 'config.\(name)': the spec has no key '\(name)'",
                    suggestion: NearestName.suggest(for: name, among: plugin.spec.keys.sorted())
                )
                continue
            }
            if setting.isSecret, !Self.mayHoldSecret(site.path) {
                warning(
                    at: location,
                    "secret setting '\(name)' used in '\(site.path.joined(separator: "."))'; secrets belong in auth, headers or signatures"
                )
            }
        }
    }

    /// Where a secret may be used: auth, headers, signatures, connection URLs and tap configs.
    static func mayHoldSecret(_ path: [String]) -> Bool {
        if path.contains("headers") { return true }
        let prefixes: [[String]] = [
            ["http", "auth"], ["http", "base_url"], ["inbound", "signature"], ["inbound", "challenge"],
            ["process"], ["sql", "url"],
        ]
        return prefixes.contains { path.starts(with: $0) }
    }

    /// In an action's request and field defaults, `record.x` must be one of its fields.
    private mutating func checkActionRecordAccesses(_ site: TemplateSite) {
        guard site.path.count > 2, site.path[0] == "actions", let action = plugin.actions[site.path[1]],
              site.path[2] != "result"
        else { return }
        for (name, offset) in accesses(of: "record", in: site) where action.fields[name] == nil {
            error(
                at: site.node.location(atOffset: offset),
                "'\(name)' is not a field of action '\(site.path[1])'",
                suggestion: NearestName.suggest(for: name, among: action.fields.keys.sorted())
            )
        }
    }
}
