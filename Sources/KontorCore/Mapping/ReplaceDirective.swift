import Foundation

/// `{"@replace": {"value", "pattern", "replacement": "", "global": true,
/// "ignorecase": false, "pattern2", "replacement2": ""}}`: replaces text.
///
/// As in mapping-kit the patterns are plain text, not regular expressions;
/// `pattern2` is applied to the result of the first replacement. Numbers and
/// booleans are replaced in their text; `null`, arrays and objects pass through.
struct ReplaceDirective: MappingDirective {
    let value: MappingNode
    let replacements: [(pattern: String, replacement: String)]
    let global: Bool
    let ignoreCase: Bool

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        let keys = ["value", "pattern", "replacement", "global", "ignorecase", "pattern2", "replacement2"]
        guard let options = MappingOptions(options, at: path, allowed: keys, in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let pattern = options.string("pattern", required: true, in: &compiler)
        if pattern == "" { compiler.fail(path + ["pattern"], "'pattern' must not be empty") }
        var replacements = [(pattern ?? "", options.string("replacement", in: &compiler) ?? "")]
        if let pattern2 = options.string("pattern2", in: &compiler), !pattern2.isEmpty {
            replacements.append((pattern2, options.string("replacement2", in: &compiler) ?? ""))
        }
        let global = options.bool("global", default: true, in: &compiler)
        let ignoreCase = options.bool("ignorecase", default: false, in: &compiler)
        guard let value, let pattern, !pattern.isEmpty else { return nil }
        return ReplaceDirective(value: value, replacements: replacements, global: global, ignoreCase: ignoreCase)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let result = try value.apply(to: input)
        guard let result, !result.isNull, let text = result.scalarText else { return result }
        var output = text
        for (pattern, replacement) in replacements {
            output = replace(pattern, with: replacement, in: output)
        }
        return .string(output)
    }

    private func replace(_ pattern: String, with replacement: String, in text: String) -> String {
        let options: String.CompareOptions = ignoreCase ? [.caseInsensitive] : []
        if global { return text.replacingOccurrences(of: pattern, with: replacement, options: options) }
        guard let range = text.range(of: pattern, options: options) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}
