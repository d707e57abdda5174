import KontorCore

/// The rules of a computed trait that its schema cannot state: exactly one
/// aggregation, and a `property` for every aggregation but `count`.
/// Checked on the tree so that every trait's problem is reported at once.
enum TraitShapeCheck {
    static func diagnostics(in root: YAMLNode) -> [Diagnostic] {
        guard let traits = root["traits"]?.entries else { return [] }
        let names = ComputedTrait.Aggregation.allCases.map(\.rawValue)
        var diagnostics: [Diagnostic] = []
        for (key, value) in traits {
            guard let name = key.stringValue, let entries = value.entries else { continue }
            let present = entries.filter { entry in entry.key.stringValue.map(names.contains) ?? false }
            if present.isEmpty {
                diagnostics.append(.error(
                    at: value.location,
                    "trait '\(name)' needs one of \(names.map { "'\($0)'" }.joined(separator: ", "))"))
            } else if present.count > 1 {
                let found = present.compactMap(\.key.stringValue).map { "'\($0)'" }.joined(separator: " and ")
                diagnostics.append(.error(
                    at: present[1].key.location, "trait '\(name)' has \(found); a trait computes exactly one of them"))
            }
            for (aggregation, filter) in present where aggregation.stringValue != "count" {
                if filter.entries != nil, filter["property"] == nil || filter["property"]?.isNull == true {
                    diagnostics.append(.error(
                        at: filter.location,
                        "'\(aggregation.stringValue ?? "")' in trait '\(name)' needs a 'property' to aggregate"))
                }
            }
        }
        return diagnostics
    }
}
