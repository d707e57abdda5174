/// `{"@transform": {"apply": {mapping}, "mapping": {mapping}}}`: maps the
/// input with `apply`, then maps that result with `mapping` (whose `$.` paths
/// read the intermediate object).
struct TransformDirective: MappingDirective {
    let first: MappingNode
    let then: MappingNode

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["apply", "mapping"], in: &compiler) else { return nil }
        if let apply = options.raw("apply"), apply.objectValue == nil {
            compiler.fail(path + ["apply"], "'apply' must be an object, got \(apply.typeName)")
            return nil
        }
        let first = options.mapping("apply", required: true, in: &compiler)
        let then = options.mapping("mapping", required: true, in: &compiler)
        guard let first, let then else { return nil }
        return TransformDirective(first: first, then: then)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        var next = input
        next.payload = try first.apply(to: input) ?? .object([:])
        return try then.apply(to: next)
    }
}
