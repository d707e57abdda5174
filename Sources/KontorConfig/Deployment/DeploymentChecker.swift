import Foundation
import KontorCore

/// The checks that need the whole decoded deployment: names that refer to
/// other parts of the file, schedules, the server and store, and plugins.
/// Each finding points at the exact key in the YAML tree.
struct DeploymentChecker {
    let deployment: Deployment
    let root: YAMLNode
    let pluginNames: [String]
    let pluginLookup: ((String) -> PluginDescriptor?)?
    var diagnostics: [Diagnostic] = []

    init(deployment: Deployment, root: YAMLNode, pluginNames: [String], pluginLookup: ((String) -> PluginDescriptor?)?) {
        self.deployment = deployment
        self.root = root
        self.pluginNames = pluginNames
        self.pluginLookup = pluginLookup
    }

    mutating func run() {
        checkServerAndStore()
        checkIdentity()
        checkSegmentRules()
        checkDestinationReferences()
        checkPersonalize()
        checkSchedules()
        checkPlugins()
    }

    mutating func error(_ path: [String], _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(at: root.location(at: path), message, suggestion: suggestion))
    }

    mutating func warning(_ path: [String], _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: root.location(at: path), message))
    }

    /// The text the file holds at `path` (the `${…}` reference, not its value).
    func displayText(_ path: [String]) -> String? {
        root.node(at: path)?.scalar?.displayText
    }

    private mutating func checkServerAndStore() {
        if deployment.version > Deployment.currentVersion {
            error(["kontor"], "file format version \(deployment.version) is newer than this Kontor reads (\(Deployment.currentVersion))")
        }
        let listen = deployment.server.listen
        if let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65_535).contains(port),
            !listen[..<colon].isEmpty
        {
            // host:port
        } else {
            error(["server", "listen"], "expected host:port like '127.0.0.1:8080', got '\(displayText(["server", "listen"]) ?? listen)'")
        }
        let store = deployment.store
        let schemes = ["sqlite:", "postgres://", "postgresql://"]
        if !schemes.contains(where: store.hasPrefix) || schemes.contains(store) {
            let scheme = String(store.prefix { $0 != ":" })
            error(
                ["store"], "expected sqlite:<path> or postgres://user@host/db, got '\(displayText(["store"]) ?? store)'",
                suggestion: NearestName.suggest(for: scheme, among: ["sqlite", "postgres"]).map { $0 == "sqlite" ? "sqlite:" : "postgres://" })
        }
        let server = deployment.server
        for (index, key) in server.readKeys.enumerated() where server.writeKeys.contains(key) {
            error(["server", "read_keys", String(index)], "a read key must differ from every write key")
        }
        if let admin = server.adminToken, server.writeKeys.contains(admin) || server.readKeys.contains(admin) {
            error(["server", "admin_token"], "the admin token must differ from the write and read keys")
        }
    }

    private mutating func checkIdentity() {
        let identity = deployment.identity
        var seen = Set<String>()
        var known = Set(IdentitySettings.builtInKinds)
        var pluginsKnown = pluginLookup != nil
        for name in Set(deployment.sources.values.map(\.plugin)) {
            if let descriptor = pluginLookup?(name) { known.formUnion(descriptor.identifierKinds) } else { pluginsKnown = false }
        }
        for (index, key) in identity.keys.enumerated() {
            let path = ["identity", "keys", String(index)]
            if !seen.insert(key).inserted {
                error(path, "identifier kind '\(key)' is listed twice")
            } else if pluginsKnown, !known.contains(key) {
                let hint = NearestName.suggest(for: key, among: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                warning(path, "no source produces identifier kind '\(key)'\(hint)")
            }
        }
        for kind in identity.limits.keys.sorted() where !identity.keys.contains(kind) {
            diagnostics.append(.error(
                at: root.keyLocation(at: ["identity", "limits", kind]), "limit for '\(kind)', which is not in identity.keys",
                suggestion: NearestName.suggest(for: kind, among: identity.keys)))
        }
    }

    /// `computed.x` in a segment rule must name a computed trait declared under `traits:`.
    private mutating func checkSegmentRules() {
        let declared = deployment.traits.keys.sorted()
        for name in deployment.segments.keys.sorted() {
            guard let segment = deployment.segments[name],
                let node = root.node(at: ["segments", name, "where"]),
                let expression = try? Expression(parsing: segment.whereRule)
            else { continue }
            for access in expression.memberAccesses(of: "computed") where deployment.traits[access.name] == nil {
                diagnostics.append(.error(
                    at: node.location(atOffset: access.offset),
                    "unknown computed trait 'computed.\(access.name)' in segment '\(name)'",
                    suggestion: NearestName.suggest(for: access.name, among: declared).map { "computed.\($0)" }))
            }
        }
    }

    private mutating func checkDestinationReferences() {
        let segmentNames = deployment.segments.keys.sorted()
        let purposes = deployment.consent.purposes
        for name in deployment.destinations.keys.sorted() {
            guard let destination = deployment.destinations[name] else { continue }
            for (index, segment) in destination.segments.enumerated() where deployment.segments[segment] == nil {
                error(
                    ["destinations", name, "segments", String(index)], "unknown segment '\(segment)' in destination '\(name)'",
                    suggestion: NearestName.suggest(for: segment, among: segmentNames))
            }
            if let consent = destination.consent, !purposes.contains(consent) {
                let hint = purposes.isEmpty ? " (declare it under consent.purposes)" : ""
                error(
                    ["destinations", name, "consent"], "unknown consent purpose '\(consent)' in destination '\(name)'\(hint)",
                    suggestion: NearestName.suggest(for: consent, among: purposes))
            }
        }
    }

    private mutating func checkSchedules() {
        for name in deployment.sources.keys.sorted() {
            checkSchedule(deployment.sources[name]?.schedule, at: ["sources", name, "schedule"])
        }
        for name in deployment.destinations.keys.sorted() {
            checkSchedule(deployment.destinations[name]?.schedule, at: ["destinations", name, "schedule"])
        }
    }

    private mutating func checkSchedule(_ spec: ScheduleSpec?, at path: [String]) {
        guard let spec else { return }
        for problem in spec.problems() {
            let node = root.node(at: path + [problem.field])
            var message = problem.message
            // Quote what the file says, never a value substituted from the environment.
            if let scalar = node?.scalar, let source = scalar.source, !scalar.value.isEmpty {
                message = message.replacingOccurrences(of: scalar.value, with: source)
            }
            let location: SourceLocation
            if let node, let offset = problem.offset, node.scalar?.source == nil {
                location = node.location(atOffset: offset)
            } else {
                location = root.location(at: path + [problem.field])
            }
            diagnostics.append(.error(at: location, message, suggestion: problem.suggestion))
        }
    }
}
