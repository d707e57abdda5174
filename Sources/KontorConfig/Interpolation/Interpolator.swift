import KontorCore

/// Resolves `${env:NAME}` and `${secret:NAME}` in the scalar values of a YAML
/// tree, before validation, from an injected environment (the library never
/// reads the process environment; the CLI passes it in).
///
/// - `$${` writes a literal `${`.
/// - `${env:NAME:-fallback}` uses `fallback` when NAME is not set (an empty
///   fallback is allowed: `${secret:TOKEN:-}`).
/// - A plain scalar that is exactly one `${env:…}` is typed after substitution
///   (`max_merges: ${env:MAX}` can be an integer); any other result is a string,
///   and a `${secret:…}` is always a string.
/// - Each substituted scalar remembers its original text, which is what
///   diagnostics quote: a secret's value never appears in a message.
///
/// ```swift
/// let result = Interpolator(environment: ["TOKEN": "s3cr3t"]).interpolate(root)
/// result.secrets   // ["s3cr3t"]: give them to a SecretRedactor
/// ```
public struct Interpolator: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The tree with every reference substituted, the problems found (missing
    /// variables, malformed references), and the substituted secret values.
    public func interpolate(_ node: YAMLNode) -> InterpolationResult {
        var result = InterpolationResult(node: node)
        result.node = interpolate(node, into: &result)
        return result
    }

    private func interpolate(_ node: YAMLNode, into result: inout InterpolationResult) -> YAMLNode {
        switch node.kind {
        case .scalar(let scalar):
            guard scalar.value.contains("$") else { return node }
            var copy = node
            copy.kind = .scalar(substitute(scalar, of: node, into: &result))
            return copy
        case .sequence(let elements):
            var copy = node
            copy.kind = .sequence(elements.map { interpolate($0, into: &result) })
            return copy
        case .mapping(let entries):
            var copy = node
            copy.kind = .mapping(entries.map { ($0.key, interpolate($0.value, into: &result)) })
            return copy
        }
    }

    private func substitute(_ scalar: YAMLScalar, of node: YAMLNode, into result: inout InterpolationResult) -> YAMLScalar {
        let parts = ReferenceScanner.scan(scalar.value)
        if parts.count <= 1, case .text(let text)? = parts.first ?? .text(""), text == scalar.value {
            return scalar
        }
        var value = ""
        var usedSecret = false
        for part in parts {
            switch part {
            case .text(let text):
                value += text
            case .reference(let reference, let offset):
                if reference.isSecret { usedSecret = true }
                guard let resolved = environment[reference.name] ?? reference.defaultValue else {
                    result.diagnostics.append(.error(
                        at: node.location(atOffset: offset),
                        "environment variable '\(reference.name)' is not set (referenced as \(reference.text))"))
                    continue
                }
                if reference.isSecret, !resolved.isEmpty { result.secrets.insert(resolved) }
                value += resolved
            case .invalid(let text, let offset, let problem):
                result.diagnostics.append(.error(at: node.location(atOffset: offset), "\(problem) in '\(text)'"))
            }
        }
        var substituted = YAMLScalar(
            value, style: scalar.style, tag: scalar.tag, source: scalar.value, containsSecret: usedSecret)
        let isSingleEnvReference = parts.count == 1 && !usedSecret && scalar.style == .plain
        if !isSingleEnvReference, scalar.tag == nil {
            substituted.tag = "tag:yaml.org,2002:str"
        }
        return substituted
    }
}

/// What `Interpolator.interpolate` produced.
public struct InterpolationResult: Sendable {
    public var node: YAMLNode
    public var diagnostics: [Diagnostic] = []
    /// The values substituted for `${secret:…}` references, for `SecretRedactor`.
    public var secrets: Set<String> = []
}
