import Foundation
import KontorCore

/// The human-readable description `kontor plugins describe` prints, built
/// from the plugin's own metadata.
struct PluginDescription {
    var plugin: PluginDefinition
    var location: URL?

    func rendered() -> String {
        var lines: [String] = []
        lines.append("\(plugin.name)\(plugin.version.map { " \($0)" } ?? "") (\(plugin.effectiveKind.rawValue))")
        if let title = plugin.title { lines.append(title) }
        if let description = plugin.description { lines.append(description) }
        if let location { lines.append("from \(location.path)") }
        if let docs = plugin.docs { lines.append("docs: \(docs)") }
        lines += settingsSection() + streamsSection() + inboundSection() + actionsSection() + eraseSection()
        return lines.joined(separator: "\n") + "\n"
    }

    private func settingsSection() -> [String] {
        guard !plugin.spec.isEmpty else { return [] }
        var table = TextTable(columns: ["  SETTING", "TYPE", "REQUIRED", "DESCRIPTION"])
        for (name, setting) in plugin.spec.sorted(by: { $0.key < $1.key }) {
            var description = setting.description ?? setting.title ?? ""
            if let value = setting.default { description += description.isEmpty ? "" : " "; description += "(default \(value.serialized()))" }
            table.add(["  \(name)", setting.type.rawValue, setting.isRequired ? "yes" : "no", description])
        }
        return ["", "Settings:", table.rendered().trimmingCharacters(in: .newlines)]
    }

    private func streamsSection() -> [String] {
        let streams = plugin.resolvedStreams
        guard !streams.isEmpty else { return [] }
        var lines = ["", "Streams:"]
        for (name, stream) in streams.sorted(by: { $0.key < $1.key }) {
            var facts = [stream.transport.rawValue]
            if stream.incremental != nil { facts.append("incremental") }
            if let emit = stream.emit, !emit.isEmpty {
                facts.append("emits " + emit.map { $0.event.map { "track '\($0)'" } ?? $0.type.rawValue }.joined(separator: ", "))
            }
            lines.append("  \(name): \(facts.joined(separator: "; "))\(stream.description.map { " — \($0)" } ?? "")")
        }
        return lines
    }

    private func inboundSection() -> [String] {
        guard let inbound = plugin.inbound else { return [] }
        var facts: [String] = [(inbound.endpoint ?? .webhook).rawValue]
        if let signature = inbound.signature { facts.append("signed (\(signature.header))") }
        if let header = inbound.deliveryIDHeader { facts.append("deduplicated by \(header)") }
        return ["", "Inbound: \(facts.joined(separator: ", "))"]
    }

    private func actionsSection() -> [String] {
        guard !plugin.actions.isEmpty else { return [] }
        var lines = ["", "Actions:"]
        for (name, action) in plugin.actions.sorted(by: { $0.key < $1.key }) {
            let modes = (action.modes ?? []).map(\.rawValue).joined(separator: ", ")
            let batch = action.batch.map { " batch \($0.size)" } ?? ""
            lines.append("  \(name): modes [\(modes)]\(batch)\(action.title.map { " — \($0)" } ?? "")")
            for (field, spec) in action.fields.sorted(by: { $0.key < $1.key }) {
                var facts = [spec.type.rawValue]
                if spec.isRequired { facts.append("required") }
                if let pii = spec.pii { facts.append("pii \(pii.rawValue)") }
                if let hash = spec.hash { facts.append("hash \(hash.rawValue)") }
                lines.append("    \(field): \(facts.joined(separator: ", "))")
            }
        }
        return lines
    }

    private func eraseSection() -> [String] {
        switch plugin.erase {
        case .action(let name)?: return ["", "Erase: action '\(name)'"]
        case .unsupported(let reason)?: return ["", "Erase: not supported — \(reason)"]
        case nil: return []
        }
    }
}
