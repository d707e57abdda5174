import KontorCore

extension ValidationRun {
    /// Parses a `{{ }}` template and checks its variables, pointing inside the scalar.
    mutating func checkTemplate(_ node: YAMLNode, value: String, scope: ExpressionScope) {
        let template: Template
        do {
            template = try Template(parsing: value)
        } catch {
            expressionError(node, error, kind: "template")
            return
        }
        for problem in template.check(scope: scope) {
            expressionError(node, problem, kind: "template")
        }
    }

    /// Parses a bare expression (a segment `where`, a `stop_when`), checks its
    /// variables and, when `boolean`, that it yields true or false.
    mutating func checkExpression(_ node: YAMLNode, value: String, scope: ExpressionScope, boolean: Bool) {
        let expression: Expression
        do {
            expression = try Expression(parsing: value)
        } catch {
            expressionError(node, error, kind: "expression")
            return
        }
        let problems = expression.check(scope: scope)
        for problem in problems {
            expressionError(node, problem, kind: "expression")
        }
        if boolean, problems.isEmpty, expression.isBooleanValued() == false {
            error(node.location, "must be a boolean expression (a comparison, 'and'/'or'/'not', a test or true/false), got \(node.describedValue)")
        }
    }

    /// Compiles a mapping and positions each problem at its key (and inside its string when known).
    mutating func checkMapping(_ node: YAMLNode, scope: ExpressionScope) {
        do {
            _ = try Mapping(compiling: node.toJSON(), scope: scope, shorthands: true)
        } catch {
            for problem in error.errors {
                let target = node.node(at: problem.path)
                let location: SourceLocation
                if let target, let offset = problem.expressionOffset {
                    location = target.location(atOffset: offset)
                } else {
                    location = node.location(at: problem.path)
                }
                let message = containsSecret(node) ? "invalid mapping (the value comes from a ${secret:…})" : problem.message
                self.error(location, message)
            }
        }
    }

    /// An expression problem at its column inside the scalar; a secret-bearing
    /// scalar gets a message that cannot echo the secret.
    private mutating func expressionError(_ node: YAMLNode, _ problem: ExpressionError, kind: String) {
        if node.scalar?.containsSecret == true {
            error(node.location, "invalid \(kind) (the value comes from a ${secret:…})")
            return
        }
        if node.scalar?.source != nil {
            error(node.location, "invalid \(kind) after substituting \(node.describedValue): \(problem.message)")
            return
        }
        error(node.location(atOffset: problem.offset), problem.message)
    }

    private func containsSecret(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .scalar(let scalar): return scalar.containsSecret
        case .sequence(let elements): return elements.contains { containsSecret($0) }
        case .mapping(let entries): return entries.contains { containsSecret($0.value) }
        }
    }
}
