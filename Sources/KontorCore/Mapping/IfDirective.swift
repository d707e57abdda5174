/// `{"@if": {"exists": <v>, "then": <v>, "else": <v>}}` or with `blank`
/// instead of `exists`, with mapping-kit's semantics:
/// - `exists`: the condition holds when the value is neither undefined nor `null`;
/// - `blank`: the condition holds when the value is not blank (not undefined, `null` or `""`).
///
/// `then` is used when the condition holds, `else` otherwise; a missing branch gives undefined.
struct IfDirective: MappingDirective {
    let condition: MappingNode
    let blank: Bool
    let then: MappingNode?
    let otherwise: MappingNode?

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["exists", "blank", "then", "else"], in: &compiler)
        else { return nil }
        if options.has("exists") == options.has("blank") {
            compiler.fail(path, "@if requires exactly one of 'exists' or 'blank'")
            return nil
        }
        let blank = options.has("blank")
        guard let condition = options.mapping(blank ? "blank" : "exists", in: &compiler) else { return nil }
        return IfDirective(
            condition: condition, blank: blank, then: options.mapping("then", in: &compiler),
            otherwise: options.mapping("else", in: &compiler))
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let value = try condition.apply(to: input)
        let holds: Bool
        switch value {
        case nil, .null?: holds = false
        case .string(let text)? where blank: holds = !text.isEmpty
        default: holds = true
        }
        return try (holds ? then : otherwise)?.apply(to: input)
    }
}
