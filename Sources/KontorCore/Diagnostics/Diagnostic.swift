/// One problem found in a file, reported as `file:line:column: error: what`,
/// with an optional `did you mean 'x'?` hint.
///
/// Loaders never stop at the first problem: they collect every `Diagnostic`
/// of a file, so a user fixes them all in one pass.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// A near valid name, rendered as `did you mean 'x'?`.
    public var suggestion: String?

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func error(at location: SourceLocation?, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, suggestion: suggestion)
    }

    /// `connectors.yaml:14:7: error: unknown key 'schedul'; did you mean 'schedule'?`
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}

/// The diagnostics of one load, in file order; thrown when any of them is an error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
