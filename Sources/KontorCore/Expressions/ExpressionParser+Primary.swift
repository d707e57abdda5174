extension ExpressionParser {
    static let keywords: Set<String> = ["and", "or", "not", "in", "is", "if", "else"]

    /// Literals, variables, function calls, parentheses, lists and dicts.
    mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = advance()
        switch token.kind {
        case .integer(let value): return try node(.literal(.int(value)), token.offset)
        case .float(let value): return try node(.literal(.double(value)), token.offset)
        case .string(var text):
            while case .string(let next) = current.kind {
                text += next
                _ = advance()
            }
            return try node(.literal(.string(text)), token.offset)
        case .name(let name):
            switch name {
            case "true", "True": return try node(.literal(.true), token.offset)
            case "false", "False": return try node(.literal(.false), token.offset)
            case "none", "None": return try node(.literal(.none), token.offset)
            default: break
            }
            if Self.keywords.contains(name) {
                throw ExpressionError(offset: token.offset, "unexpected '\(name)'")
            }
            if current.isSymbol("(") { return try parseFunctionCall(name, offset: token.offset) }
            return try node(.variable(name), token.offset)
        case .symbol("("):
            if current.isSymbol(")") {
                _ = advance()
                return try node(.list([]), token.offset)
            }
            let first = try parseConditional()
            guard current.isSymbol(",") else {
                try expect(")", "to close '('")
                return first
            }
            var items = [first]
            while current.isSymbol(",") {
                _ = advance()
                if current.isSymbol(")") { break }
                items.append(try parseConditional())
            }
            try expect(")", "to close '('")
            return try node(.list(items), token.offset)
        case .symbol("["):
            var items: [ExpressionNode] = []
            while !current.isSymbol("]") {
                items.append(try parseConditional())
                guard current.isSymbol(",") else { break }
                _ = advance()
            }
            try expect("]", "to close '['")
            return try node(.list(items), token.offset)
        case .symbol("{"):
            var keys: [ExpressionNode] = []
            var values: [ExpressionNode] = []
            while !current.isSymbol("}") {
                keys.append(try parseConditional())
                try expect(":", "after a dict key")
                values.append(try parseConditional())
                guard current.isSymbol(",") else { break }
                _ = advance()
            }
            try expect("}", "to close '{'")
            return try node(.dict(keys: keys, values: values), token.offset)
        case .end:
            throw ExpressionError(offset: token.offset, "expected a value, found the end of the expression")
        case .symbol(let symbol):
            throw ExpressionError(offset: token.offset, "unexpected '\(symbol)'")
        }
    }

    /// `.name`, `.0`, `.method(args)`, `[index]` and `[start:stop:step]` after a primary.
    mutating func parsePostfix(_ base: ExpressionNode) throws(ExpressionError) -> ExpressionNode {
        var result = base
        while true {
            if current.isSymbol(".") {
                _ = advance()
                let token = advance()
                switch token.kind {
                case .name(let name):
                    if current.isSymbol("(") {
                        result = try parseMethodCall(on: result, name: name, offset: token.offset)
                    } else {
                        result = try node(.member(result, name), token.offset)
                    }
                case .integer(let position):
                    result = try node(.index(result, try node(.literal(.int(position)), token.offset)), token.offset)
                default:
                    throw ExpressionError(offset: token.offset, "expected a name after '.', found \(token.display)")
                }
            } else if current.isSymbol("[") {
                result = try parseSubscript(result)
            } else if current.isSymbol("(") {
                throw ExpressionError(offset: current.offset, "only functions, methods and filters can be called")
            } else {
                return result
            }
        }
    }

    private mutating func parseSubscript(_ base: ExpressionNode) throws(ExpressionError) -> ExpressionNode {
        let offset = advance().offset
        var parts: [ExpressionNode?] = []
        var isSlice = false
        while true {
            if current.isSymbol(":") || current.isSymbol("]") {
                parts.append(nil)
            } else {
                parts.append(try parseConditional())
            }
            guard current.isSymbol(":"), parts.count < 3 else { break }
            isSlice = true
            _ = advance()
        }
        try expect("]", "to close '['")
        guard isSlice else {
            guard let index = parts[0] else { throw ExpressionError(offset: offset, "expected an index inside '[]'") }
            return try node(.index(base, index), offset)
        }
        while parts.count < 3 { parts.append(nil) }
        return try node(.slice(base, parts[0], parts[1], parts[2]), offset)
    }

    /// `(args)` of a call: positional `value` and keyword `name=value` arguments.
    mutating func parseArguments() throws(ExpressionError) -> [ParsedArgument] {
        try expect("(", "to start the arguments")
        var arguments: [ParsedArgument] = []
        while !current.isSymbol(")") {
            let offset = current.offset
            var keyword: String?
            if let name = current.name, peek().isSymbol("=") {
                keyword = name
                _ = advance()
                _ = advance()
            } else if arguments.contains(where: { $0.keyword != nil }) {
                throw ExpressionError(offset: offset, "a positional argument cannot follow a keyword argument")
            }
            arguments.append(ParsedArgument(keyword: keyword, value: try parseConditional(), offset: offset))
            guard current.isSymbol(",") else { break }
            _ = advance()
        }
        try expect(")", "to close the arguments")
        return arguments
    }

    /// `| filter(args)` and `is [not] test [arg]` after a unary expression.
    mutating func parseFiltersAndTests(_ subject: ExpressionNode) throws(ExpressionError) -> ExpressionNode {
        var result = subject
        while true {
            if current.isSymbol("|") {
                _ = advance()
                let token = advance()
                guard let name = token.name else {
                    throw ExpressionError(offset: token.offset, "expected a filter name after '|', found \(token.display)")
                }
                let arguments = current.isSymbol("(") ? try parseArguments() : []
                result = try node(.filter(result, try resolveFilter(name, arguments, offset: token.offset)), token.offset)
            } else if current.isName("is") {
                _ = advance()
                var negated = false
                if current.isName("not") {
                    _ = advance()
                    negated = true
                }
                result = try parseTest(result, negated: negated)
            } else {
                return result
            }
        }
    }

    private mutating func parseTest(_ subject: ExpressionNode, negated: Bool) throws(ExpressionError) -> ExpressionNode {
        let token = advance()
        let name: String
        switch token.kind {
        case .name(let text): name = text
        case .symbol(let symbol) where ["==", "!=", "<", "<=", ">", ">="].contains(symbol): name = symbol
        default: throw ExpressionError(offset: token.offset, "expected a test name after 'is', found \(token.display)")
        }
        guard let test = ExpressionTest.named(name) else {
            throw ExpressionError(
                offset: token.offset, "unknown test '\(name)'\(Self.hint(name, ExpressionTest.allNames))")
        }
        var arguments: [ParsedArgument] = []
        if current.isSymbol("(") {
            arguments = try parseArguments()
        } else if test.signature.required > 0, startsOperand(current) {
            let offset = current.offset
            arguments = [ParsedArgument(keyword: nil, value: try parsePostfix(try parsePrimary()), offset: offset)]
        }
        let (slots, rest) = try test.signature.bind(arguments, callee: "test '\(name)'", offset: token.offset)
        let call = ResolvedCall(callee: test, arguments: slots, rest: rest, offset: token.offset)
        return try node(.test(subject, call, negated: negated), token.offset)
    }

    private func startsOperand(_ token: ExpressionToken) -> Bool {
        switch token.kind {
        case .integer, .float, .string: return true
        case .name(let name): return !Self.keywords.contains(name)
        case .symbol(let symbol): return symbol == "[" || symbol == "{" || symbol == "("
        case .end: return false
        }
    }

    static func hint(_ name: String, _ candidates: [String]) -> String {
        NearestName.suggest(for: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
