/// The options object of a directive (`{"@if": {"exists": …, "then": …}}`),
/// read once at compile time: unknown keys, missing keys and wrong literal
/// types are reported with their key paths.
struct MappingOptions {
    let directive: String
    let path: [String]
    private let values: [String: JSONValue]

    /// `nil` (with an error recorded) when `value` is not an object or has unknown keys.
    init?(_ value: JSONValue, at path: [String], allowed: [String], in compiler: inout MappingCompiler) {
        directive = path.last ?? ""
        self.path = path
        guard case .object(let object) = value else {
            compiler.fail(path, "\(directive) expects an object with keys \(allowed.joined(separator: ", ")), got \(value.typeName)")
            return nil
        }
        values = object
        var valid = true
        for key in object.keys.sorted() where !allowed.contains(key) {
            var message = "unknown key '\(key)' in \(directive)"
            if let suggestion = NearestName.suggest(for: key, among: allowed) { message += "; did you mean '\(suggestion)'?" }
            compiler.fail(path + [key], message)
            valid = false
        }
        if !valid { return nil }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// A nested mapping; `nil` when absent (with an error when `required`).
    func mapping(_ key: String, required: Bool = false, in compiler: inout MappingCompiler) -> MappingNode? {
        guard let value = values[key] else {
            if required { compiler.fail(path, "\(directive) requires '\(key)'") }
            return nil
        }
        return compiler.compile(value, at: path + [key])
    }

    /// A literal string, optionally one of `choices`; `nil` when absent or invalid (errors recorded).
    func string(_ key: String, required: Bool = false, choices: [String] = [], in compiler: inout MappingCompiler) -> String? {
        guard let value = values[key] else {
            if required {
                let hint = choices.isEmpty ? "" : " (\(choices.joined(separator: "|")))"
                compiler.fail(path, "\(directive) requires '\(key)'\(hint)")
            }
            return nil
        }
        guard case .string(let text) = value else {
            compiler.fail(path + [key], "'\(key)' must be a string, got \(value.typeName)")
            return nil
        }
        if !choices.isEmpty, !choices.contains(text) {
            var message = "'\(key)' must be one of \(choices.joined(separator: ", ")), got '\(text)'"
            if let suggestion = NearestName.suggest(for: text, among: choices) { message += "; did you mean '\(suggestion)'?" }
            compiler.fail(path + [key], message)
            return nil
        }
        return text
    }

    /// A literal boolean, or `defaultValue` when absent (an error when it is not a boolean).
    func bool(_ key: String, default defaultValue: Bool, in compiler: inout MappingCompiler) -> Bool {
        guard let value = values[key] else { return defaultValue }
        guard case .bool(let flag) = value else {
            compiler.fail(path + [key], "'\(key)' must be true or false, got \(value.typeName)")
            return defaultValue
        }
        return flag
    }

    /// The raw value of a key.
    func raw(_ key: String) -> JSONValue? { values[key] }
}
