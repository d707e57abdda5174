/// Parses tokens into an `ExpressionNode` with Jinja's precedence, lowest first:
/// `x if c else y`, `or`, `and`, `not`, comparisons (`== != < <= > >= in not in`, chained),
/// `+ -`, `~`, `* / // %`, `**`, unary `-`, then postfix access, calls, `| filter` and `is test`.
///
/// Nesting deeper than `maximumNesting` (or a tree deeper than `maximumDepth`)
/// is an error, so hostile input cannot exhaust the stack.
struct ExpressionParser {
    static let maximumNesting = 64
    static let maximumDepth = 160

    let tokens: [ExpressionToken]
    var index = 0
    var nesting = 0

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole expression; the tokens must end there.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        let node = try parseConditional()
        guard case .end = current.kind else {
            throw ExpressionError(offset: current.offset, "unexpected \(current.display)")
        }
        return node
    }

    var current: ExpressionToken { tokens[min(index, tokens.count - 1)] }

    func peek(_ distance: Int = 1) -> ExpressionToken { tokens[min(index + distance, tokens.count - 1)] }

    mutating func advance() -> ExpressionToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) {
        guard current.isSymbol(symbol) else {
            throw ExpressionError(offset: current.offset, "expected '\(symbol)' \(context), found \(current.display)")
        }
        _ = advance()
    }

    func node(_ kind: ExpressionNode.Kind, _ offset: Int) throws(ExpressionError) -> ExpressionNode {
        let node = ExpressionNode(kind, offset: offset)
        guard node.depth <= Self.maximumDepth else {
            throw ExpressionError(offset: offset, "expression is nested too deeply")
        }
        return node
    }

    mutating func enter() throws(ExpressionError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw ExpressionError(offset: current.offset, "expression is nested too deeply (more than \(Self.maximumNesting) levels)")
        }
    }

    mutating func parseConditional() throws(ExpressionError) -> ExpressionNode {
        try enter()
        defer { nesting -= 1 }
        var body = try parseOr()
        while current.isName("if") {
            let offset = advance().offset
            let condition = try parseOr()
            var otherwise: ExpressionNode?
            if current.isName("else") {
                _ = advance()
                otherwise = try parseConditional()
            }
            body = try node(.conditional(then: body, condition: condition, otherwise: otherwise), offset)
        }
        return body
    }

    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        var left = try parseAnd()
        while current.isName("or") {
            let offset = advance().offset
            left = try node(.or(left, try parseAnd()), offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        var left = try parseNot()
        while current.isName("and") {
            let offset = advance().offset
            left = try node(.and(left, try parseNot()), offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionNode {
        guard current.isName("not") else { return try parseComparison() }
        try enter()
        defer { nesting -= 1 }
        let offset = advance().offset
        return try node(.not(try parseNot()), offset)
    }

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let first = try parseSum()
        var links: [ComparisonLink] = []
        while true {
            let offset = current.offset
            let comparison: ComparisonOperator
            if let symbol = current.symbol, let parsed = ComparisonOperator(rawValue: symbol), symbol != "in" {
                comparison = parsed
            } else if current.isName("in") {
                comparison = .in
            } else if current.isName("not"), peek().isName("in") {
                _ = advance()
                comparison = .notIn
            } else {
                break
            }
            _ = advance()
            links.append(ComparisonLink(comparison: comparison, operand: try parseSum(), offset: offset))
        }
        if links.isEmpty { return first }
        return try node(.comparison(first, links), links[0].offset)
    }

    private mutating func parseSum() throws(ExpressionError) -> ExpressionNode {
        var left = try parseConcat()
        while let symbol = current.symbol, symbol == "+" || symbol == "-" {
            let offset = advance().offset
            left = try node(.arithmetic(symbol == "+" ? .add : .subtract, left, try parseConcat()), offset)
        }
        return left
    }

    private mutating func parseConcat() throws(ExpressionError) -> ExpressionNode {
        let first = try parseProduct()
        guard current.isSymbol("~") else { return first }
        let offset = current.offset
        var items = [first]
        while current.isSymbol("~") {
            _ = advance()
            items.append(try parseProduct())
        }
        return try node(.concat(items), offset)
    }

    private mutating func parseProduct() throws(ExpressionError) -> ExpressionNode {
        var left = try parsePower()
        while let symbol = current.symbol, let operation = ArithmeticOperator(rawValue: symbol),
            [.multiply, .divide, .floorDivide, .modulo].contains(operation)
        {
            let offset = advance().offset
            left = try node(.arithmetic(operation, left, try parsePower()), offset)
        }
        return left
    }

    private mutating func parsePower() throws(ExpressionError) -> ExpressionNode {
        var left = try parseUnary()
        while current.isSymbol("**") {
            let offset = advance().offset
            left = try node(.arithmetic(.power, left, try parseUnary()), offset)
        }
        return left
    }

    /// Unary minus and plus, then a primary with its postfix operators;
    /// filters and tests apply to the whole unary expression (`-x | abs`), as in Jinja.
    mutating func parseUnary(withFilters: Bool = true) throws(ExpressionError) -> ExpressionNode {
        var result: ExpressionNode
        if current.isSymbol("-") || current.isSymbol("+") {
            try enter()
            defer { nesting -= 1 }
            let token = advance()
            let operand = try parseUnary(withFilters: false)
            result = token.isSymbol("-") ? try node(.negate(operand), token.offset) : operand
        } else {
            result = try parsePostfix(try parsePrimary())
        }
        return withFilters ? try parseFiltersAndTests(result) : result
    }
}
