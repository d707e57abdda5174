import KontorCore
import Yams

/// Turns a Yams parse error into one positioned diagnostic with a message a
/// user can act on (tab indentation and duplicate keys get their own wording).
enum YAMLSyntaxDiagnostic {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntax(problem: problem, context: context, line: mark.line, column: mark.column, text: text, file: file)
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0, in: text)
            return .error(at: SourceLocation(file: file, line: line, column: column), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicate(duplicates.first ?? "?", first: context.mark, text: text, file: file)
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    private static func syntax(
        problem: String, context: YamlError.Context?, line: Int, column: Int, text: String, file: String
    ) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A tab in the indentation of the failing line (or the one before it, when
        // libyaml notices only later) is by far the most common cause.
        for candidate in [line, line - 1] where candidate >= 1 && candidate <= lines.count {
            let indentation = lines[candidate - 1].prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                let tabColumn = indentation.distance(from: indentation.startIndex, to: tab) + 1
                return .error(
                    at: SourceLocation(file: file, line: candidate, column: tabColumn),
                    "tab character used for indentation; YAML indents with spaces only")
            }
        }
        var message = "invalid YAML: \(problem)"
        if let context {
            message += " (\(context.text) at line \(context.mark.line))"
        }
        return .error(at: SourceLocation(file: file, line: max(1, line), column: max(1, column)), message)
    }

    /// Yams reports a duplicate at its first occurrence; point at the repeat instead
    /// when it can be found on a later line at the same column.
    private static func duplicate(_ key: String, first: Mark, text: String, file: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var line = first.line
        var column = first.column
        var index = first.line
        while index < lines.count {
            let content = Array(lines[index].unicodeScalars)
            let start = first.column - 1
            let keyScalars = Array(key.unicodeScalars)
            if start >= 0, content.count >= start + keyScalars.count,
                content[..<start].allSatisfy({ $0 == " " }),
                Array(content[start..<(start + keyScalars.count)]) == keyScalars
            {
                let rest = content[(start + keyScalars.count)...].drop { $0 == " " }
                if rest.first == ":" {
                    line = index + 1
                    column = first.column
                    break
                }
            }
            index += 1
        }
        let message = line == first.line
            ? "duplicate key '\(key)'"
            : "duplicate key '\(key)' (first defined at line \(first.line))"
        return .error(at: SourceLocation(file: file, line: line, column: column), message)
    }

    /// 1-based line and column of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
