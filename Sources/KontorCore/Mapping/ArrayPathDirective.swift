/// `{"@arrayPath": ["$.properties.products", {"sku": {"@path": "$.id"}}]}`:
/// maps every item of an array with an item shape. Inside the shape `$.`
/// paths read the item, and templates may use the variable `item`.
///
/// An object is treated as a one-item array; without a shape, or when the
/// value is neither an array nor an object, the value is returned as it is.
struct ArrayPathDirective: MappingDirective {
    /// The template variable that holds the current item inside an item shape.
    static let itemVariable = "item"

    let source: MappingNode
    let shape: MappingNode?

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard case .array(let items) = options, (1...2).contains(items.count) else {
            compiler.fail(path, "@arrayPath expects [path, item shape], got \(options.typeName)")
            return nil
        }
        let source: MappingNode?
        if case .string(let text) = items[0] {
            source = compiler.compilePath(text, at: path + ["0"]).map { .directive($0) }
        } else {
            source = compiler.compile(items[0], at: path + ["0"])
        }
        var shape: MappingNode?
        if items.count == 2 {
            guard case .object(let object) = items[1] else {
                compiler.fail(path + ["1"], "the item shape of @arrayPath must be an object, got \(items[1].typeName)")
                return nil
            }
            if !object.isEmpty { shape = compiler.compileItemShape(items[1], at: path + ["1"]) }
        }
        guard let source else { return nil }
        return ArrayPathDirective(source: source, shape: shape)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let value = try source.apply(to: input)
        guard let shape, let value else { return value }
        let items: [JSONValue]
        switch value {
        case .array(let array): items = array
        case .object: items = [value]
        default: return value
        }
        var mapped: [JSONValue] = []
        for item in items {
            var itemInput = input
            itemInput.payload = item
            itemInput.context.variables[Self.itemVariable] = item
            if let result = try shape.apply(to: itemInput) { mapped.append(result) }
        }
        return .array(mapped)
    }
}
