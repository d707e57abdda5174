/// What a compiled mapping is applied to: the payload its `@path`s read (the
/// record or profile, or the current item inside `@arrayPath`) and the
/// variables its templates and scoped paths read.
struct MappingInput {
    var payload: JSONValue
    var context: EvaluationContext
}

/// One compiled mapping-kit or Kontor directive (`@path`, `@hash`, …).
///
/// Each directive parses its options once at compile time, reporting every
/// problem with its key path, and keeps that path for run-time errors.
protocol MappingDirective: Sendable {
    /// The value, or `nil` for "undefined" (the enclosing key is left out).
    func apply(to input: MappingInput) throws(MappingError) -> JSONValue?
}

/// A compiled mapping value: raw values, objects and arrays of mappings, or a directive.
indirect enum MappingNode: Sendable {
    case value(JSONValue)
    case object([(key: String, node: MappingNode)])
    case array([MappingNode])
    case directive(any MappingDirective)

    /// Undefined values are removed from objects and arrays; `null` is kept.
    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        switch self {
        case .value(let value):
            return value
        case .object(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries {
                if let value = try entry.node.apply(to: input) { object[entry.key] = value }
            }
            return .object(object)
        case .array(let nodes):
            var items: [JSONValue] = []
            for node in nodes {
                if let value = try node.apply(to: input) { items.append(value) }
            }
            return .array(items)
        case .directive(let directive):
            return try directive.apply(to: input)
        }
    }
}
