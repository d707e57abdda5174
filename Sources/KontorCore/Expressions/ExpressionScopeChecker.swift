/// Load-time checks of a parsed expression: variables outside the field's
/// scope, the members read from a root (`config.x`), and whether it is boolean.
enum ExpressionScopeChecker {
    /// Every use of a variable that `scope` does not allow, in source order.
    static func check(_ root: ExpressionNode, scope: ExpressionScope) -> [ExpressionError] {
        var errors: [ExpressionError] = []
        visit(root) { node in
            guard case .variable(let name) = node.kind, !scope.variables.contains(name) else { return }
            if name == "stream_slice", scope.variables.contains("stream_partition") || scope.variables.contains("stream_interval") {
                return  // Airbyte's deprecated alias of partition + interval
            }
            let message: String
            if name == "stream_state" {
                message = "'stream_state' is not supported (as in the Airbyte CDK); use 'stream_interval'"
            } else {
                let allowed = scope.variables.sorted()
                let list = allowed.isEmpty ? "no variables" : allowed.joined(separator: ", ")
                let hint = NearestName.suggest(for: name, among: allowed).map { "; did you mean '\($0)'?" } ?? ""
                message = "unknown variable '\(name)' in \(scope.name) (allowed: \(list))\(hint)"
            }
            errors.append(ExpressionError(offset: node.offset, message))
        }
        return errors.sorted { $0.offset < $1.offset }
    }

    /// Names read from variable `root`: `root.x`, `root['x']`, `root.get('x')`, with their offsets.
    static func memberAccesses(_ node: ExpressionNode, of root: String) -> [(name: String, offset: Int)] {
        var accesses: [(name: String, offset: Int)] = []
        visit(node) { node in
            switch node.kind {
            case .member(let base, let name) where isVariable(base, root):
                accesses.append((name, node.offset))
            case .index(let base, let index) where isVariable(base, root):
                if let name = index.literalString { accesses.append((name, index.offset)) }
            case .method(let base, let call) where isVariable(base, root) && call.callee == .get:
                if let key = call.arguments.first ?? nil, let name = key.literalString {
                    accesses.append((name, key.offset))
                }
            default:
                break
            }
        }
        return accesses.sorted { $0.offset < $1.offset }
    }

    private static func isVariable(_ node: ExpressionNode, _ name: String) -> Bool {
        if case .variable(let variable) = node.kind { return variable == name }
        return false
    }

    /// `true` when the expression yields a boolean (a comparison, `and`/`or`/`not`, a test,
    /// a boolean literal), `false` when it clearly yields something else, `nil` when unknown.
    static func isBooleanValued(_ node: ExpressionNode) -> Bool? {
        switch node.kind {
        case .comparison, .not, .test, .and, .or: return true
        case .literal(.json(.bool)): return true
        case .literal, .list, .dict, .concat, .arithmetic, .negate, .slice: return false
        case .variable, .member, .index: return nil
        case .conditional(let then, _, let otherwise):
            let first = isBooleanValued(then)
            let second = otherwise.map(isBooleanValued) ?? false
            if first == true, second == true { return true }
            if first == false, second == false { return false }
            return nil
        case .filter(_, let call): return call.callee.returnsBoolean
        case .method(_, let call): return call.callee.returnsBoolean
        case .function(let call): return call.callee.returnsBoolean
        }
    }

    /// Calls `body` for every node, parents before children.
    static func visit(_ node: ExpressionNode, _ body: (ExpressionNode) -> Void) {
        body(node)
        for child in node.kind.children { visit(child, body) }
    }
}
