/// `{"@path": "$.traits.email"}`: the value at a path of the input, or of a
/// scope variable when the path's first key names one (`$.config.list_id`).
/// Undefined when any step is missing.
struct PathDirective: MappingDirective {
    let path: MappingPath
    /// The scope variable the path starts at; `nil` reads the input.
    let variable: String?

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let variable else { return path.resolve(in: input.payload) }
        guard let root = input.context.variables[variable] else { return nil }
        return path.resolve(in: root, from: 1)
    }
}
