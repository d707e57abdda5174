import Foundation
import KontorCore

extension PluginChecker {
    /// Actions: modes (except on the erase action), `per_mode` keys, field
    /// names in `require_one_of`, `group_by` and `result`, and valid PII handling.
    mutating func checkActions() {
        for (name, action) in plugin.actions {
            let base = ["actions", name]
            let fields = action.fields.keys
            if action.modes == nil, plugin.erase != .action(name) {
                error(base, "action '\(name)' needs 'modes' (add, update, upsert, remove, mirror)")
            }
            for mode in (action.perMode ?? [:]).keys.sorted() {
                let path = base + ["per_mode", mode]
                if let known = ActionMode(rawValue: mode) {
                    if let modes = action.modes, !modes.contains(known) {
                        error(path, "per_mode '\(mode)' is not one of the action's modes")
                    }
                } else {
                    unknownName(path, "unknown mode '\(mode)' in per_mode", mode, among: ActionMode.allCases.map(\.rawValue))
                }
            }
            for (group, names) in (action.requireOneOf ?? []).enumerated() {
                for (index, field) in names.enumerated() where action.fields[field] == nil {
                    unknownName(base + ["require_one_of", String(group), String(index)],
                                "unknown field '\(field)' in require_one_of", field, among: fields)
                }
            }
            checkBatch(base + ["batch"], action.batch, action)
            checkResult(base + ["result"], action.result, action)
            for (mode, override) in action.perMode ?? [:] {
                checkBatch(base + ["per_mode", mode, "batch"], override.batch, action)
                checkResult(base + ["per_mode", mode, "result"], override.result, action)
            }
            for (field, definition) in action.fields {
                checkPII(base + ["fields", field], field, definition)
            }
        }
    }

    private mutating func checkBatch(_ path: [String], _ batch: ActionBatch?, _ action: PluginAction) {
        for (index, field) in (batch?.groupBy ?? []).enumerated() where action.fields[field] == nil {
            unknownName(path + ["group_by", String(index)], "unknown field '\(field)' in group_by", field, among: action.fields.keys)
        }
    }

    private mutating func checkResult(_ path: [String], _ result: ActionResult?, _ action: PluginAction) {
        guard let errors = result?.errors else { return }
        let errorsPath = path + ["errors"]
        if errors.index == nil, errors.key == nil {
            error(errorsPath, "result errors need 'index' or 'key' to find the record of each error")
        }
        if errors.key != nil, errors.field == nil {
            error(errorsPath, "result errors with 'key' need 'field': the action field the key matches")
        }
        if let field = errors.field, action.fields[field] == nil {
            unknownName(errorsPath + ["field"], "unknown field '\(field)' in result errors", field, among: action.fields.keys)
        }
    }

    /// `digest` needs `hash`; hashing and normalising need strings; normalisers must fit the PII kind.
    private mutating func checkPII(_ path: [String], _ name: String, _ field: ActionField) {
        if field.type == .array, let items = field.items {
            checkPII(path + ["items"], name, items)
        }
        if field.digest != nil, field.hash == nil {
            error(path + ["digest"], "'digest' of field '\(name)' needs 'hash'")
        }
        let handled = [("hash", field.hash != nil), ("normalize", field.normalize != nil), ("pii", field.pii != nil)]
        if field.type != .string, let key = handled.first(where: \.1)?.0 {
            error(path + [key], "'\(key)' needs a string field; '\(name)' is \(field.type.rawValue)")
            return
        }
        guard let pii = field.pii, let normalizers = field.normalize else { return }
        for normalizer in normalizers where !pii.compatibleNormalizers.contains(normalizer) {
            let fitting = pii.compatibleNormalizers.map(\.rawValue).sorted()
            let list = fitting.count > 1 ? fitting.dropLast().joined(separator: ", ") + " or " + fitting[fitting.count - 1] : fitting.joined()
            let hint = fitting.isEmpty ? "takes no normaliser" : "takes \(list)"
            error(path + ["normalize"], "normaliser '\(normalizer.rawValue)' does not fit pii kind '\(pii.rawValue)', which \(hint)")
        }
    }

    /// A destination says how it erases: an existing action, or why it cannot.
    mutating func checkErase() {
        switch plugin.erase {
        case nil where plugin.isDestination && !plugin.actions.isEmpty:
            error(
                at: root.keyLocation(at: ["actions"]),
                "a destination must declare 'erase': the name of its erase action, or {unsupported: \"reason\"}"
            )
        case .action(let name)? where plugin.actions[name] == nil:
            unknownName(["erase"], "unknown action '\(name)' in erase", name, among: plugin.actions.keys)
        case .unsupported(let reason)? where reason.trimmingCharacters(in: .whitespaces).isEmpty:
            error(["erase", "unsupported"], "give the reason why this destination cannot erase a person")
        default:
            break
        }
    }
}
