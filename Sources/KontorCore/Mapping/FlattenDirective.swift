/// `{"@flatten": {"value": <v>, "separator": ".", "omitArrays": false}}`:
/// turns nested objects into one level with joined keys
/// (`{"a": {"b": 1}}` → `{"a.b": 1}`). Arrays are flattened by index
/// (`a.0`) unless `omitArrays` is true, which keeps them as values.
/// Other values pass through unchanged.
struct FlattenDirective: MappingDirective {
    let value: MappingNode
    let separator: String
    let omitArrays: Bool

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        let keys = ["value", "separator", "omitArrays"]
        guard let options = MappingOptions(options, at: path, allowed: keys, in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let separator = options.string("separator", required: true, in: &compiler)
        let omitArrays = options.bool("omitArrays", default: false, in: &compiler)
        guard let value, let separator else { return nil }
        return FlattenDirective(value: value, separator: separator, omitArrays: omitArrays)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let result = try value.apply(to: input) else { return nil }
        let flattens = result.objectValue != nil || (result.arrayValue != nil && !omitArrays)
        guard flattens else { return result }
        var flat: [String: JSONValue] = [:]
        flatten(result, prefix: nil, into: &flat)
        return .object(flat)
    }

    private func flatten(_ value: JSONValue, prefix: String?, into flat: inout [String: JSONValue]) {
        func key(_ name: String) -> String { prefix.map { $0 + separator + name } ?? name }
        switch value {
        case .object(let object):
            for (name, item) in object { descend(item, key: key(name), into: &flat) }
        case .array(let items):
            for (index, item) in items.enumerated() { descend(item, key: key(String(index)), into: &flat) }
        default:
            break
        }
    }

    private func descend(_ value: JSONValue, key: String, into flat: inout [String: JSONValue]) {
        switch value {
        case .object(let object) where !object.isEmpty: flatten(value, prefix: key, into: &flat)
        case .array(let items) where !omitArrays && !items.isEmpty: flatten(value, prefix: key, into: &flat)
        default: flat[key] = value
        }
    }
}
