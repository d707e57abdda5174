import Foundation
import KontorCore

/// Checks a YAML tree against a `Schema` and reports every problem in one
/// pass, each at its `file:line:column`, with "did you mean" hints.
///
/// It finds unknown keys, missing required keys, wrong types, values outside
/// `choices`, unknown `type:` tags, integer bounds, and string formats
/// (durations, byte sizes, regular expressions, rate limits), and it parses
/// and scope-checks `{{ }}` templates, bare expressions and mappings, pointing
/// inside the YAML string at the offending token.
///
/// ```swift
/// let diagnostics = SchemaValidator(file: "connectors.yaml").validate(root, against: Deployment.schema)
/// // connectors.yaml:14:7: error: unknown key 'schedul' in source 'shop'; did you mean 'schedule'?
/// ```
///
/// A `null` value (an empty `key:`) counts as absent for optional keys.
/// Diagnostics quote a scalar's original text (`${secret:X}`), never an
/// interpolated value.
public struct SchemaValidator: Sendable {
    public var file: String
    /// Where `Schema.reference(name)` is looked up.
    public var references: SchemaRegistry?

    public init(file: String, references: SchemaRegistry? = nil) {
        self.file = file
        self.references = references
    }

    /// Every problem of `node` against `schema`, in file order.
    public func validate(_ node: YAMLNode, against schema: Schema, at path: ValidationPath = ValidationPath()) -> [Diagnostic] {
        var run = ValidationRun(references: references)
        run.check(node, schema, path)
        return Self.sortedByLocation(run.diagnostics)
    }

    /// Sorts diagnostics by position, keeping the original order for equal positions.
    public static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

/// The state of one validation pass: the diagnostics found so far.
struct ValidationRun {
    let references: SchemaRegistry?
    var diagnostics: [Diagnostic] = []
    /// Guards against a registry whose references loop without consuming input.
    var referenceDepth = 0

    init(references: SchemaRegistry?) {
        self.references = references
    }

    mutating func error(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        diagnostics.append(.error(at: location, message, suggestion: suggestion))
    }

    mutating func check(_ node: YAMLNode, _ schema: Schema, _ path: ValidationPath) {
        switch schema {
        case .string(let choices, let format):
            checkString(node, choices: choices, format: format, path)
        case .integer(let minimum, let maximum):
            checkInteger(node, minimum: minimum, maximum: maximum)
        case .number:
            if node.scalar?.resolved.doubleValue == nil {
                error(node.location, "expected a number, got \(node.describedValue)")
            }
        case .boolean:
            if node.scalar?.resolved.boolValue == nil {
                error(node.location, "expected true or false, got \(node.describedValue)")
            }
        case .any:
            break
        case .array(let items, let minItems):
            checkArray(node, items: items, minItems: minItems, path)
        case .object(let object):
            checkObject(node, object, path)
        case .map(let values, let keyPattern):
            checkMap(node, values: values, keyPattern: keyPattern, path)
        case .tagged(let discriminator, let variants):
            checkTagged(node, discriminator: discriminator, variants: variants, path)
        case .either(let alternatives):
            checkEither(node, alternatives, path)
        case .reference(let name):
            guard let resolved = references?[name], referenceDepth < 64 else {
                error(node.location, "internal error: the schema refers to an unknown definition '\(name)'")
                return
            }
            referenceDepth += 1
            check(node, resolved, path)
            referenceDepth -= 1
        case .mapping(let scope):
            checkMapping(node, scope: scope)
        }
    }

    private mutating func checkInteger(_ node: YAMLNode, minimum: Int?, maximum: Int?) {
        guard case .int(let value)? = node.scalar?.resolved else {
            error(node.location, "expected an integer, got \(node.describedValue)")
            return
        }
        if let minimum, value < minimum {
            error(node.location, "must be at least \(minimum), got \(value)")
        }
        if let maximum, value > maximum {
            error(node.location, "must be at most \(maximum), got \(value)")
        }
    }

    private mutating func checkArray(_ node: YAMLNode, items: Schema, minItems: Int, _ path: ValidationPath) {
        guard let elements = node.elements else {
            error(node.location, "expected a list, got \(node.describedValue)")
            return
        }
        if elements.count < minItems {
            error(node.location, "needs at least \(minItems) item\(minItems == 1 ? "" : "s"), got \(elements.count)")
        }
        for (index, element) in elements.enumerated() {
            check(element, items, path.appending(.index(index)))
        }
    }

    /// An alternative that accepts the node wins; otherwise the problems of the
    /// closest alternative are reported: one of the scalar's own type if any, else
    /// of the node's kind, the one with the fewest problems first.
    private mutating func checkEither(_ node: YAMLNode, _ alternatives: [Schema], _ path: ValidationPath) {
        var best: [Diagnostic]?
        // A string scalar is judged by the string alternatives, a number by the numeric ones…
        let exact = alternatives.filter { SchemaShape.acceptsExactly($0, node, references) }
        let candidates = exact.isEmpty ? alternatives : exact
        for alternative in candidates where SchemaShape.accepts(alternative, kindOf: node, references) {
            var trial = ValidationRun(references: references)
            trial.referenceDepth = referenceDepth
            trial.check(node, alternative, path)
            if trial.diagnostics.isEmpty { return }
            if trial.diagnostics.count < (best?.count ?? .max) { best = trial.diagnostics }
        }
        if let best {
            diagnostics += best
        } else {
            let expected = SchemaShape.names(of: alternatives, references).joined(separator: " or ")
            error(node.location, "expected \(expected), got \(node.describedValue)")
        }
    }
}
