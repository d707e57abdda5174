extension MappingOptions {
    /// A normaliser name or a list of them (`"email"`, `["trim", "digits"]`); `nil` when absent or invalid.
    func normalizers(_ key: String, required: Bool = false, in compiler: inout MappingCompiler) -> [Normalizer]? {
        guard let value = raw(key) else {
            if required { compiler.fail(path, "\(directive) requires '\(key)'") }
            return nil
        }
        let items: [(JSONValue, [String])]
        switch value {
        case .string: items = [(value, path + [key])]
        case .array(let list): items = list.enumerated().map { ($0.element, path + [key, String($0.offset)]) }
        default:
            compiler.fail(path + [key], "'\(key)' must be a normaliser name or a list of them, got \(value.typeName)")
            return nil
        }
        let names = Normalizer.allCases.map(\.rawValue)
        var normalizers: [Normalizer] = []
        for (item, itemPath) in items {
            guard case .string(let name) = item, let normalizer = Normalizer(rawValue: name) else {
                var message = "unknown normaliser \(item.scalarText.map { "'\($0)'" } ?? item.typeName)"
                if let name = item.stringValue, let suggestion = NearestName.suggest(for: name, among: names) {
                    message += "; did you mean '\(suggestion)'?"
                }
                compiler.fail(itemPath, message + " (one of \(names.joined(separator: ", ")))")
                return nil
            }
            normalizers.append(normalizer)
        }
        return normalizers
    }
}

/// Runs a `PIIField` on a mapped value, with a default country that may itself be mapped
/// (`default_country: "$.traits.country"`).
struct PIIStep: Sendable {
    let field: PIIField
    let value: MappingNode
    let defaultCountry: MappingNode?

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let result = try value.apply(to: input) else { return nil }
        var field = field
        if let defaultCountry, let country = try defaultCountry.apply(to: input)?.scalarText {
            field.defaultCountry = country
        }
        return field.apply(result)
    }
}
