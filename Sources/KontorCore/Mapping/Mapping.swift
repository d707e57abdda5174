/// A compiled field mapping: mapping-kit directives (`@path`, `@template`,
/// `@if`, `@arrayPath`, …) plus Kontor's `@hash`, `@normalize`, `@coalesce`,
/// `@cast` and `@datetime`. See `docs/mapping.md` for every directive.
///
/// A mapping is compiled once, when the configuration loads, into a tree of
/// directives; every problem is reported at once with its key path. Applying
/// it to a record is then a walk over that tree.
///
/// `$.x` paths read the **input** (the record or profile the mapping is
/// applied to), unless `x` is a variable of the scope (`$.config.list_id`),
/// which reads that variable. Templates read the scope's variables.
///
/// ```swift
/// let mapping = try Mapping(compiling: ["email_address": "$.traits.email", "status": "subscribed"], scope: scope)
/// try mapping.apply(to: profile, in: context)
/// // .object(["email_address": "ann@example.com", "status": "subscribed"])
/// ```
public struct Mapping: Sendable {
    /// The mapping as written.
    public let source: JSONValue
    /// Everything the mapping reads through `@path` / `$.` strings.
    public let references: [MappingReference]
    let root: MappingNode
    let templates: [(path: [String], template: Template)]

    /// Compiles `source`; `shorthands` allows `"$.a.b"` for `@path` and `"{{ }}"` strings for `@template`.
    /// Throws every problem found, not only the first.
    public init(compiling source: JSONValue, scope: ExpressionScope, shorthands: Bool = true) throws(MappingErrors) {
        var compiler = MappingCompiler(scope: scope, shorthands: shorthands)
        let root = compiler.compile(source, at: [])
        if !compiler.errors.isEmpty { throw MappingErrors(compiler.errors) }
        self.source = source
        self.root = root
        self.references = compiler.references
        self.templates = compiler.templates
    }

    /// The mapped value; `nil` when the mapping resolved to "undefined" (the key is dropped).
    /// Throws a per-record error (a value `@cast` cannot convert, invalid JSON for `@json`, a template that fails).
    public func apply(to input: JSONValue, in context: EvaluationContext) throws(MappingError) -> JSONValue? {
        try root.apply(to: MappingInput(payload: input, context: context))
    }

    /// The top-level keys a mapping object produces (sorted); empty when the mapping is not a plain object.
    /// Lets the loader check that every mapping key is a declared field.
    public var outputKeys: [String] {
        guard case .object(let object) = source, !object.keys.contains(where: { $0.hasPrefix("@") }) else { return [] }
        return object.keys.sorted()
    }

    /// Member names the mapping reads from a scope variable (`config.list_id` → `list_id`), from its
    /// templates and scoped paths, with the key path of the string and the offset inside it.
    public func memberAccesses(of variable: String) -> [(path: [String], name: String, offset: Int)] {
        var accesses: [(path: [String], name: String, offset: Int)] = []
        for (path, template) in templates {
            for access in template.memberAccesses(of: variable) { accesses.append((path, access.name, access.offset)) }
        }
        for reference in references where reference.variable == variable && reference.segments.count > 1 {
            let offset = reference.text.hasPrefix("$") ? variable.count + 3 : variable.count + 1
            accesses.append((reference.path, reference.segments[1], offset))
        }
        return accesses
    }
}

/// All problems found while compiling one mapping.
public struct MappingErrors: Error, Sendable, Hashable {
    public var errors: [MappingError]

    public init(_ errors: [MappingError]) {
        self.errors = errors
    }
}
