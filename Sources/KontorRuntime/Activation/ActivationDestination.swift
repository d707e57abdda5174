import Foundation
import KontorCore
import KontorHTTP

/// One configured destination, compiled once: its plugin action, the field
/// pipeline that builds payloads, and per outbox operation the request, batch
/// limits and result mapping used to deliver it.
///
/// An operation uses the action's `per_mode` entry of the same name (`add`,
/// `update`, `remove`) when there is one, else the action's own request. Its
/// templates see `config`, `batch` (the payloads), `record` (the first payload)
/// and `mode` (the operation).
///
/// ```swift
/// let destination = try ActivationDestination(name: "newsletter", config: deployment.destinations["newsletter"]!,
///                                              plugin: catalog["mailchimp"]!)
/// let payload = try destination.pipeline.payload(profileID: id, view: view, config: destination.settings,
///                                                mode: destination.mode, now: now)
/// ```
public struct ActivationDestination: Sendable {
    public let name: String
    public let config: DestinationConfig
    public let plugin: PluginDefinition
    public let action: PluginAction
    /// The destination's `config` with the plugin's spec defaults filled in.
    public let settings: JSONValue
    public let pipeline: FieldPipeline
    /// The base URL (destination `base_url` or the plugin's), as a template over `config`.
    public let baseURL: String
    /// Hides the destination's secret settings in every message.
    public let redactor: SecretRedactor
    /// The request timeout (`http.timeout`, else 30 s).
    public let timeout: Duration
    /// Requests in flight at once for this destination (`http.concurrency`, else 1).
    public let concurrency: Int
    let routes: [OutboxOperation: Result<OperationRoute, ActivationError>]

    public var mode: ActionMode { config.mode }

    /// Compiles the destination. Throws `.plugin` when the plugin has no HTTP section or no such
    /// action, `.mapping` when the mapping or a field default does not compile.
    public init(name: String, config: DestinationConfig, plugin: PluginDefinition, defaultCountry: String? = nil)
        throws(ActivationError)
    {
        guard let http = plugin.http else {
            throw ActivationError(.plugin, "destination '\(name)': plugin '\(plugin.name)' has no http section")
        }
        guard let action = plugin.actions[config.action] else {
            let known = plugin.actions.keys.sorted()
            let hint = NearestName.suggest(for: config.action, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw ActivationError(
                .plugin, "destination '\(name)': plugin '\(plugin.name)' has no action '\(config.action)'\(hint)")
        }
        self.name = name
        self.config = config
        self.plugin = plugin
        self.action = action
        settings = Self.applyingDefaults(of: plugin.spec, to: .object(config.config))
        do {
            pipeline = try FieldPipeline(action: action, mapping: config.mapping, defaultCountry: defaultCountry)
        } catch {
            let problems = error.errors.map { "mapping.\($0.path.joined(separator: ".")): \($0.message)" }
            throw ActivationError(.mapping, "destination '\(name)': " + problems.joined(separator: "; "))
        }
        baseURL = config.baseURL ?? http.baseURL
        let secrets = plugin.spec.filter { $0.value.isSecret }.keys.compactMap { config.config[$0]?.stringValue }
        redactor = SecretRedactor(secrets: secrets)
        timeout = http.timeout.flatMap(DurationParser.seconds).map { .milliseconds(Int64($0 * 1000)) } ?? .seconds(30)
        concurrency = Self.concurrency(http.concurrency, settings: settings)
        var routes: [OutboxOperation: Result<OperationRoute, ActivationError>] = [:]
        let base = config.baseURL ?? http.baseURL
        for operation in [OutboxOperation.add, .update, .remove] {
            do {
                routes[operation] = .success(try OperationRoute(
                    operation: operation, action: action, http: http, baseURL: base, override: config.batch,
                    destination: name))
            } catch {
                routes[operation] = .failure(error)
            }
        }
        self.routes = routes
    }

    /// How jobs of `operation` are delivered; throws when that operation's request cannot be compiled
    /// or the operation is not one this destination delivers (`erase` goes through erasure).
    public func route(for operation: OutboxOperation) throws(ActivationError) -> OperationRoute {
        guard let route = routes[operation] else {
            throw ActivationError(.plugin, "destination '\(name)' does not deliver '\(operation.rawValue)' jobs")
        }
        return try route.get()
    }

    /// `config` with each spec setting it leaves out set to the setting's literal default.
    static func applyingDefaults(of spec: [String: Setting], to config: JSONValue) -> JSONValue {
        var object = config.objectValue ?? [:]
        for (name, setting) in spec where object[name] == nil {
            if let value = setting.default, !(value.stringValue?.contains("{{") ?? false) { object[name] = value }
        }
        return .object(object)
    }

    private static func concurrency(_ value: IntOrTemplate?, settings: JSONValue) -> Int {
        switch value {
        case .value(let number)?: return max(1, number)
        case .template(let text)?:
            let context = EvaluationContext(variables: ["config": settings], now: Date(timeIntervalSince1970: 0))
            let rendered = try? Template(parsing: text).render(in: context)
            return max(1, rendered?.intValue ?? Int(rendered.map(RequestDraft.text(of:)) ?? "") ?? 1)
        case nil: return 1
        }
    }
}
