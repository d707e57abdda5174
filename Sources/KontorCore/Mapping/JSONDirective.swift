import Foundation

/// `{"@json": {"mode": "encode"|"decode", "value": <v>}}`: `encode` writes
/// the value as compact JSON text with sorted keys; `decode` parses a JSON
/// string (other values pass through). Invalid JSON is a per-record error.
struct JSONDirective: MappingDirective {
    let encode: Bool
    let value: MappingNode
    let path: [String]

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["mode", "value"], in: &compiler) else { return nil }
        let mode = options.string("mode", required: true, choices: ["encode", "decode"], in: &compiler)
        let value = options.mapping("value", required: true, in: &compiler)
        guard let mode, let value else { return nil }
        return JSONDirective(encode: mode == "encode", value: value, path: path)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let result = try value.apply(to: input) else { return nil }
        if encode { return .string(result.jsonText) }
        guard case .string(let text) = result else { return result }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw MappingError(path: path, "@json cannot decode the value: it is not valid JSON")
        }
    }
}
