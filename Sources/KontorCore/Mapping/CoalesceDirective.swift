/// `{"@coalesce": ["$.traits.email", "$.properties.email", "unknown"]}`: the
/// first value that is not undefined, `null` or `""`; undefined when none is.
struct CoalesceDirective: MappingDirective {
    let candidates: [MappingNode]

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard case .array(let items) = options, !items.isEmpty else {
            compiler.fail(path, "@coalesce expects a non-empty array of values, got \(options.typeName)")
            return nil
        }
        let candidates = items.enumerated().map { compiler.compile($0.element, at: path + [String($0.offset)]) }
        return CoalesceDirective(candidates: candidates)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        for candidate in candidates {
            switch try candidate.apply(to: input) {
            case nil, .null?, .string("")?: continue
            case let value?: return value
            }
        }
        return nil
    }
}
