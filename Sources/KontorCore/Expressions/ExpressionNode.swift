/// A node of a parsed expression. Built once when a file loads; evaluation
/// walks it without re-parsing or name lookups (filters, methods, functions and
/// tests are resolved to enum cases, literal regexes and patterns precompiled).
struct ExpressionNode: Sendable {
    indirect enum Kind: Sendable {
        case literal(ExpressionValue)
        case variable(String)
        /// `a.b` (also `a.0`, stored as `index`).
        case member(ExpressionNode, String)
        /// `a[i]`, `a['k']`.
        case index(ExpressionNode, ExpressionNode)
        /// `a[start:stop:step]`.
        case slice(ExpressionNode, ExpressionNode?, ExpressionNode?, ExpressionNode?)
        case list([ExpressionNode])
        case dict(keys: [ExpressionNode], values: [ExpressionNode])
        case negate(ExpressionNode)
        case not(ExpressionNode)
        case arithmetic(ArithmeticOperator, ExpressionNode, ExpressionNode)
        /// `a ~ b ~ c`.
        case concat([ExpressionNode])
        /// `a < b <= c`: Python chained comparison.
        case comparison(ExpressionNode, [ComparisonLink])
        case and(ExpressionNode, ExpressionNode)
        case or(ExpressionNode, ExpressionNode)
        /// `then if condition else otherwise`.
        case conditional(then: ExpressionNode, condition: ExpressionNode, otherwise: ExpressionNode?)
        case test(ExpressionNode, ResolvedCall<ExpressionTest>, negated: Bool)
        case filter(ExpressionNode, ResolvedCall<ExpressionFilter>)
        case method(ExpressionNode, ResolvedCall<ExpressionMethod>)
        case function(ResolvedCall<ExpressionFunction>)
    }

    let kind: Kind
    /// Offset of the token that best locates an error in this node (an operator, a name).
    let offset: Int
    /// Nesting depth of the subtree (a leaf is 1).
    let depth: Int

    init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
        self.depth = 1 + kind.children.reduce(0) { max($0, $1.depth) }
    }

    /// The string of a string literal, for arguments resolved at parse time.
    var literalString: String? {
        if case .literal(.json(.string(let text))) = kind { return text }
        return nil
    }
}

/// One `op operand` step of a chained comparison.
struct ComparisonLink: Sendable {
    let comparison: ComparisonOperator
    let operand: ExpressionNode
    let offset: Int
}

enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in", notIn = "not in"
}

extension ExpressionNode.Kind {
    /// The direct sub-expressions, including call arguments.
    var children: [ExpressionNode] {
        switch self {
        case .literal, .variable: return []
        case .member(let base, _): return [base]
        case .index(let base, let index): return [base, index]
        case .slice(let base, let start, let stop, let step): return [base] + [start, stop, step].compactMap { $0 }
        case .list(let items): return items
        case .dict(let keys, let values): return keys + values
        case .negate(let operand), .not(let operand): return [operand]
        case .arithmetic(_, let left, let right), .and(let left, let right), .or(let left, let right): return [left, right]
        case .concat(let items): return items
        case .comparison(let first, let links): return [first] + links.map(\.operand)
        case .conditional(let then, let condition, let otherwise): return [then, condition] + (otherwise.map { [$0] } ?? [])
        case .test(let subject, let call, _): return [subject] + call.argumentNodes
        case .filter(let subject, let call): return [subject] + call.argumentNodes
        case .method(let receiver, let call): return [receiver] + call.argumentNodes
        case .function(let call): return call.argumentNodes
        }
    }
}

extension ResolvedCall {
    /// Every argument expression, including those of a nested filter or test.
    var argumentNodes: [ExpressionNode] {
        var nodes = arguments.compactMap { $0 } + rest
        switch extra {
        case .filter(let nested): nodes += nested.argumentNodes
        case .test(let nested): nodes += nested.argumentNodes
        default: break
        }
        return nodes
    }
}
