extension MappingCompiler {
    /// Every directive name, for "did you mean" hints.
    static let directiveNames = [
        "@path", "@template", "@literal", "@if", "@case", "@replace", "@arrayPath", "@merge", "@transform",
        "@flatten", "@json", "@excludeWhenNull", "@hash", "@normalize", "@coalesce", "@cast", "@datetime",
    ]

    /// Compiles the options of directive `name` found at `path` (which ends with the name).
    mutating func compileDirective(named name: String, options: JSONValue, at path: [String]) -> (any MappingDirective)? {
        switch name {
        case "@path":
            guard case .string(let text) = options else { return expectString(name, options, at: path) }
            return compilePath(text, at: path)
        case "@template":
            guard case .string(let text) = options else { return expectString(name, options, at: path) }
            return compileTemplate(text, at: path)
        case "@literal": return LiteralDirective(value: options)
        case "@if": return IfDirective.compile(options, at: path, in: &self)
        case "@case": return CaseDirective.compile(options, at: path, in: &self)
        case "@replace": return ReplaceDirective.compile(options, at: path, in: &self)
        case "@arrayPath": return ArrayPathDirective.compile(options, at: path, in: &self)
        case "@merge": return MergeDirective.compile(options, at: path, in: &self)
        case "@transform": return TransformDirective.compile(options, at: path, in: &self)
        case "@flatten": return FlattenDirective.compile(options, at: path, in: &self)
        case "@json": return JSONDirective.compile(options, at: path, in: &self)
        case "@excludeWhenNull": return ExcludeWhenNullDirective(value: compile(options, at: path))
        case "@hash": return HashDirective.compile(options, at: path, in: &self)
        case "@normalize": return NormalizeDirective.compile(options, at: path, in: &self)
        case "@coalesce": return CoalesceDirective.compile(options, at: path, in: &self)
        case "@cast": return CastDirective.compile(options, at: path, in: &self)
        case "@datetime": return DateTimeDirective.compile(options, at: path, in: &self)
        default:
            var message = "unknown directive '\(name)'"
            if let suggestion = NearestName.suggest(for: name, among: Self.directiveNames) {
                message += "; did you mean '\(suggestion)'?"
            }
            fail(path, message)
            return nil
        }
    }

    private mutating func expectString(_ name: String, _ value: JSONValue, at path: [String]) -> (any MappingDirective)? {
        fail(path, "\(name) expects a string, got \(value.typeName)")
        return nil
    }
}
