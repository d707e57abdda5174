/// `{"@case": {"operator": "lower"|"upper", "value": <v>}}`: changes the case
/// of a string; any other value passes through unchanged.
struct CaseDirective: MappingDirective {
    let upper: Bool
    let value: MappingNode

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["operator", "value"], in: &compiler) else { return nil }
        let operation = options.string("operator", required: true, choices: ["lower", "upper"], in: &compiler)
        let value = options.mapping("value", required: true, in: &compiler)
        guard let operation, let value else { return nil }
        return CaseDirective(upper: operation == "upper", value: value)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let result = try value.apply(to: input)
        guard case .string(let text)? = result else { return result }
        return .string(upper ? text.uppercased() : text.lowercased())
    }
}
