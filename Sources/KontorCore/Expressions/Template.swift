/// A parsed template: literal text with `{{ expr }}` parts, as in a connector's
/// `path: "lists/{{ stream_partition.list_id }}/profiles"`.
///
/// A template that is a single `{{ }}` (only whitespace around it) keeps the
/// expression's type (an int, a bool, an object); mixed text always gives a
/// string, in which `none` renders as the empty string. `{{-` and `-}}` strip
/// the whitespace before or after the tag, as in Jinja. Statements (`{% … %}`)
/// are not part of the language.
///
/// ```swift
/// let template = try Template(parsing: "Klaviyo-API-Key {{ config.api_key }}")
/// try template.render(in: context)   // .string("Klaviyo-API-Key pk_123")
/// ```
public struct Template: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(ExpressionNode)
    }

    /// The text the template was parsed from.
    public let source: String
    let parts: [Part]
    /// The single expression of a template that keeps its result type.
    let single: ExpressionNode?

    /// Parses `source`; errors carry their character offset inside the whole template.
    public init(parsing source: String) throws(ExpressionError) {
        self.source = source
        parts = try TemplateScanner.parts(of: Array(source))
        let expressions = parts.compactMap { part -> ExpressionNode? in
            if case .expression(let node) = part { return node }
            return nil
        }
        let textIsBlank = parts.allSatisfy { part in
            if case .text(let text) = part { return text.allSatisfy(\.isWhitespace) }
            return true
        }
        single = expressions.count == 1 && textIsBlank ? expressions[0] : nil
    }

    /// True when the template has no `{{ }}` part.
    public var isLiteral: Bool {
        !parts.contains { part in
            if case .expression = part { return true }
            return false
        }
    }

    /// Variables outside `scope`, with offsets inside the template.
    public func check(scope: ExpressionScope) -> [ExpressionError] {
        expressionNodes.flatMap { ExpressionScopeChecker.check($0, scope: scope) }
    }

    /// Member names read from `root` in any `{{ }}` part, with offsets inside the template.
    public func memberAccesses(of root: String) -> [(name: String, offset: Int)] {
        expressionNodes.flatMap { ExpressionScopeChecker.memberAccesses($0, of: root) }
    }

    /// For a single-expression template, whether it is boolean-valued; `false` for text, `nil` when unknown.
    public func isBooleanValued() -> Bool? {
        if let single { return ExpressionScopeChecker.isBooleanValued(single) }
        return false
    }

    /// A template made of one `{{ }}` keeps its result type; mixed text gives a string.
    public func render(in context: EvaluationContext) throws(ExpressionError) -> JSONValue {
        let evaluator = ExpressionEvaluator(context: context)
        if let single { return try evaluator.evaluate(single).json }
        var output = ""
        for part in parts {
            switch part {
            case .text(let text): output += text
            case .expression(let node): output += try evaluator.evaluate(node).text
            }
        }
        return .string(output)
    }

    private var expressionNodes: [ExpressionNode] {
        parts.compactMap { part in
            if case .expression(let node) = part { return node }
            return nil
        }
    }
}
