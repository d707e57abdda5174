/// A parsed bare expression (no braces), e.g. a segment `where` rule or a `when` condition.
///
/// Parsed once when the configuration loads; evaluation walks the tree and
/// never re-parses. The language is a Jinja-expression subset with Python
/// semantics (see `docs/expressions.md`).
///
/// ```swift
/// let rule = try Expression(parsing: "traits.order_count >= 2 and 'running' in traits.interests")
/// rule.check(scope: ExpressionScope("segment where", variables: ["traits"]))   // []
/// let value = try rule.evaluate(in: EvaluationContext(variables: ["traits": traits], now: now))
/// ```
public struct Expression: Sendable {
    /// The text the expression was parsed from.
    public let source: String
    let root: ExpressionNode

    /// Parses `source`; throws the first syntax error, unknown filter/function/method/test
    /// (with a "did you mean") or wrong arity, at its character offset in `source`.
    public init(parsing source: String) throws(ExpressionError) {
        self.source = source
        var lexer = ExpressionLexer(characters: Array(source))
        var parser = ExpressionParser(tokens: try lexer.tokenize())
        root = try parser.parse()
    }

    /// Problems with the variables this expression uses: roots outside `scope`, with the offset of each name.
    public func check(scope: ExpressionScope) -> [ExpressionError] {
        ExpressionScopeChecker.check(root, scope: scope)
    }

    /// Member names accessed on `root` (`config.api_key`, `config['api_key']`,
    /// `config.get('api_key')` → `api_key`) with the offsets of the names.
    public func memberAccesses(of root: String) -> [(name: String, offset: Int)] {
        ExpressionScopeChecker.memberAccesses(self.root, of: root)
    }

    /// `true` when the expression is a comparison, a boolean operator, a test or a boolean
    /// literal; `false` when it clearly is not (a number, a string, arithmetic); `nil` when
    /// only the data can tell (a variable, `default`). The loader uses it for `BoolExpr` fields.
    public func isBooleanValued() -> Bool? {
        ExpressionScopeChecker.isBooleanValued(root)
    }

    /// The value of the expression. Datetimes become RFC 3339 strings with `Z`, dates
    /// `YYYY-MM-DD`, durations seconds, and missing values `null`.
    public func evaluate(in context: EvaluationContext) throws(ExpressionError) -> JSONValue {
        try ExpressionEvaluator(context: context).evaluate(root).json
    }

    /// Python truthiness of the expression's value (for `where`, `when`, `filter`, `if`).
    public func isTrue(in context: EvaluationContext) throws(ExpressionError) -> Bool {
        try ExpressionEvaluator(context: context).evaluate(root).isTruthy
    }
}
