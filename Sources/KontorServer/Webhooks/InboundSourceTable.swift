import Foundation
import KontorCore
import KontorRuntime

/// The deployment's sources as the push endpoints see them: for each name,
/// the compiled ``InboundEmitter`` of its plugin's `inbound` section, or why
/// there is none. Shared by ``WebhookService`` and ``FormService``, which
/// answer a path naming anything else with a 404 that says why.
struct InboundSourceTable: Sendable {
    enum Entry: Sendable {
        case inbound(InboundEmitter, plugin: String)
        case noInbound(plugin: String)
        case disabled
        case missingPlugin(String)
    }

    let entries: [String: Entry]

    /// - Parameter plugin: the plugin catalog's lookup by name.
    init(sources: [String: SourceConfig], plugin: (String) -> PluginDefinition?) throws(InboundSetupError) {
        var entries: [String: Entry] = [:]
        for (name, source) in sources {
            guard source.enabled else {
                entries[name] = .disabled
                continue
            }
            guard let definition = plugin(source.plugin) else {
                entries[name] = .missingPlugin(source.plugin)
                continue
            }
            guard definition.inbound != nil else {
                entries[name] = .noInbound(plugin: source.plugin)
                continue
            }
            do {
                let emitter = try InboundEmitter(source: name, plugin: definition, config: .object(source.config))
                entries[name] = .inbound(emitter, plugin: source.plugin)
            } catch {
                throw InboundSetupError(source: name, message: error.description)
            }
        }
        self.entries = entries
    }

    /// The sources served at `endpoint`, by name.
    func emitters(at endpoint: Inbound.Endpoint) -> [String: InboundEmitter] {
        entries.compactMapValues { entry in
            guard case .inbound(let emitter, _) = entry, (emitter.inbound.endpoint ?? .webhook) == endpoint else { return nil }
            return emitter
        }
    }

    /// The 404 for a path naming `name` that is not served at `endpoint`.
    func notServed(_ name: String, at endpoint: Inbound.Endpoint) -> APIError {
        let shown = String(name.prefix(100))
        switch entries[name] {
        case nil:
            return APIError(.notFound, code: "unknown_source", "No source named '\(shown)' is configured.")
        case .disabled?:
            return APIError(.notFound, code: "source_disabled", "Source '\(shown)' is disabled (enabled: false).")
        case .missingPlugin(let plugin)?:
            return APIError(.notFound, code: "plugin_missing", "Source '\(shown)': plugin '\(plugin)' is not installed.")
        case .noInbound(let plugin)?:
            return APIError(
                .notFound, code: "no_inbound",
                "Source '\(shown)' does not accept pushed deliveries: plugin '\(plugin)' has no inbound section.")
        case .inbound(let emitter, _)?:
            let other = (emitter.inbound.endpoint ?? .webhook) == .form ? "/forms/\(shown)" : "/hooks/\(shown)"
            let here = endpoint == .form ? "form posts" : "webhooks"
            return APIError(.notFound, code: "wrong_endpoint", "Source '\(shown)' does not take \(here); it is served at \(other).")
        }
    }
}
