/// `{"@merge": {"objects": [<v>, …], "direction": "right"|"left"}}`: merges
/// objects. With `right` later objects win on equal keys; with `left` earlier
/// ones win. Values that are not objects (undefined, `null`, …) are skipped.
struct MergeDirective: MappingDirective {
    let objects: [MappingNode]
    let leftWins: Bool

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["objects", "direction"], in: &compiler) else { return nil }
        let direction = options.string("direction", required: true, choices: ["left", "right"], in: &compiler)
        guard let raw = options.raw("objects") else {
            compiler.fail(path, "@merge requires 'objects'")
            return nil
        }
        guard case .array(let items) = raw else {
            compiler.fail(path + ["objects"], "'objects' must be an array, got \(raw.typeName)")
            return nil
        }
        let objects = items.enumerated().map { compiler.compile($0.element, at: path + ["objects", String($0.offset)]) }
        guard let direction else { return nil }
        return MergeDirective(objects: objects, leftWins: direction == "left")
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        var merged: [String: JSONValue] = [:]
        for node in objects {
            guard case .object(let object)? = try node.apply(to: input) else { continue }
            merged.merge(object) { current, new in leftWins ? current : new }
        }
        return .object(merged)
    }
}
