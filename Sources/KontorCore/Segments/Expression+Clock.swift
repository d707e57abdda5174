extension Expression {
    /// `true` when the value can change with time alone: the expression calls
    /// `now_utc()`, `today_utc()` or `day_delta()`.
    var readsClock: Bool {
        var found = false
        ExpressionScopeChecker.visit(root) { node in
            guard case .function(let call) = node.kind else { return }
            switch call.callee {
            case .nowUTC, .todayUTC, .dayDelta: found = true
            default: break
            }
        }
        return found
    }
}
