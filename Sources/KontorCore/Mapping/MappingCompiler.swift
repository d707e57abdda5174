/// Turns a mapping value into a `MappingNode` tree, collecting every problem
/// (with its key path) instead of stopping at the first, and recording what
/// the mapping reads (`references`, `templates`) for the loader's checks.
struct MappingCompiler {
    var scope: ExpressionScope
    let shorthands: Bool
    private(set) var errors: [MappingError] = []
    private(set) var references: [MappingReference] = []
    private(set) var templates: [(path: [String], template: Template)] = []

    init(scope: ExpressionScope, shorthands: Bool) {
        self.scope = scope
        self.shorthands = shorthands
    }

    mutating func fail(_ path: [String], _ message: String, offset: Int? = nil) {
        errors.append(MappingError(path: path, message, expressionOffset: offset))
    }

    /// Compiles any mapping value found at `path`.
    mutating func compile(_ value: JSONValue, at path: [String]) -> MappingNode {
        switch value {
        case .string(let text) where shorthands && (text == "$" || text.hasPrefix("$.") || text.hasPrefix("$[")):
            return compilePath(text, at: path).map { .directive($0) } ?? .value(.null)
        case .string(let text) where shorthands && text.contains("{{"):
            return compileTemplate(text, at: path).map { .directive($0) } ?? .value(.null)
        case .array(let items):
            let nodes = items.enumerated().map { compile($0.element, at: path + [String($0.offset)]) }
            return nodes.allSatisfy(\.isRaw) ? .value(value) : .array(nodes)
        case .object(let object):
            let directiveKeys = object.keys.filter { $0.hasPrefix("@") }.sorted()
            if directiveKeys.isEmpty {
                let entries = object.keys.sorted().map { (key: $0, node: compile(object[$0] ?? .null, at: path + [$0])) }
                return entries.allSatisfy(\.node.isRaw) ? .value(value) : .object(entries)
            }
            return compileDirective(object, keys: directiveKeys, at: path)
        default:
            return .value(value)
        }
    }

    private mutating func compileDirective(_ object: [String: JSONValue], keys: [String], at path: [String]) -> MappingNode {
        if keys.count > 1 {
            fail(path, "only one directive is allowed per object, found \(keys.map { "'\($0)'" }.joined(separator: ", "))")
            return .value(.null)
        }
        let name = keys[0]
        let rawKeys = object.keys.filter { !$0.hasPrefix("@") }.sorted()
        if !rawKeys.isEmpty {
            fail(path, "directive '\(name)' cannot be mixed with other keys (\(rawKeys.map { "'\($0)'" }.joined(separator: ", ")))")
            return .value(.null)
        }
        guard let directive = compileDirective(named: name, options: object[name] ?? .null, at: path + [name]) else {
            return .value(.null)
        }
        return .directive(directive)
    }

    /// Compiles a `@path` string (also the shorthand `$.a.b`), recording what it reads.
    mutating func compilePath(_ text: String, at path: [String]) -> PathDirective? {
        let parsed: MappingPath
        do {
            parsed = try MappingPath(parsing: text)
        } catch {
            fail(path, "invalid path '\(text)': \(error.message)", offset: error.offset)
            return nil
        }
        var variable: String?
        if case .key(let root)? = parsed.segments.first, scope.variables.contains(root) { variable = root }
        references.append(MappingReference(path: path, text: text, variable: variable, segments: parsed.segments.map(\.text)))
        return PathDirective(path: parsed, variable: variable)
    }

    /// Compiles a `@template` string (also the shorthand `"… {{ x }} …"`), checking it against the scope.
    mutating func compileTemplate(_ text: String, at path: [String]) -> TemplateDirective? {
        let template: Template
        do {
            template = try Template(parsing: text)
        } catch {
            fail(path, "invalid template: \(error.message)", offset: error.offset)
            return nil
        }
        for problem in template.check(scope: scope) {
            fail(path, problem.message, offset: problem.offset)
        }
        templates.append((path, template))
        return TemplateDirective(template: template, path: path)
    }

    /// Compiles `value` with `item` added to the scope (inside an `@arrayPath` item shape).
    mutating func compileItemShape(_ value: JSONValue, at path: [String]) -> MappingNode {
        let outer = scope
        scope = ExpressionScope(outer.name, variables: outer.variables.union([ArrayPathDirective.itemVariable]))
        defer { scope = outer }
        return compile(value, at: path)
    }
}

extension MappingNode {
    /// True for a node that needs no evaluation.
    var isRaw: Bool {
        if case .value = self { return true }
        return false
    }
}

extension MappingPath.Segment {
    var text: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        case .wildcard: return "*"
        }
    }
}
