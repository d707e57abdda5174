import Foundation

/// A regular expression compiled once per expression node, written in Python
/// syntax (`(?P<name>…)`, `(?P=name)`; `\1`, `\g<1>`, `\g<name>` in replacements) and run by ICU.
struct CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as thread-safe.
    let regex: NSRegularExpression
    let pattern: String

    init(python pattern: String) throws(ExpressionError) {
        let translated = Self.translateBackreferences(pattern.replacingOccurrences(of: "(?P<", with: "(?<"))
        do {
            regex = try NSRegularExpression(pattern: translated)
        } catch {
            throw ExpressionError(offset: 0, "invalid regular expression '\(pattern)'")
        }
        self.pattern = pattern
    }

    /// `(?P=name)` becomes ICU's `\k<name>`.
    private static func translateBackreferences(_ pattern: String) -> String {
        guard pattern.contains("(?P=") else { return pattern }
        var output = ""
        var rest = Substring(pattern)
        while let start = rest.firstRange(of: "(?P=") {
            output += rest[..<start.lowerBound]
            let afterName = rest[start.upperBound...]
            guard let close = afterName.firstIndex(of: ")") else {
                output += rest[start.lowerBound...]
                return output
            }
            output += "\\k<" + afterName[..<close] + ">"
            rest = afterName[afterName.index(after: close)...]
        }
        return output + rest
    }

    /// The first match of the pattern in `text`, as Airbyte's `regex_search`:
    /// group 1 when the pattern has groups, else the whole match.
    func search(_ text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return nil }
        let group = match.numberOfRanges > 1 ? 1 : 0
        guard let found = Range(match.range(at: group), in: text) else { return nil }
        return String(text[found])
    }

    /// Python's `re.sub(pattern, replacement, text)`.
    func replace(in text: String, with replacement: String) -> String {
        let parts = Self.replacementParts(replacement)
        var output = ""
        var cursor = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            output += text[cursor..<whole.lowerBound]
            for part in parts {
                let range: NSRange
                switch part {
                case .literal(let literal):
                    output += literal
                    continue
                case .group(let number): range = number < match.numberOfRanges ? match.range(at: number) : NSRange(location: NSNotFound, length: 0)
                case .named(let name): range = match.range(withName: name)
                }
                if range.location != NSNotFound, let found = Range(range, in: text) { output += text[found] }
            }
            cursor = whole.upperBound
        }
        return output + text[cursor...]
    }

    private enum ReplacementPart {
        case literal(String)
        case group(Int)
        case named(String)
    }

    /// Splits a Python replacement into literal text and group references (`\1`, `\g<1>`, `\g<name>`).
    private static func replacementParts(_ replacement: String) -> [ReplacementPart] {
        var parts: [ReplacementPart] = []
        var literal = ""
        let characters = Array(replacement)
        var index = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            guard character == "\\", index + 1 < characters.count else {
                literal.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            index += 2
            if let digit = next.wholeNumberValue, next.isASCII {
                flush()
                parts.append(.group(digit))
            } else if next == "g", index < characters.count, characters[index] == "<",
                let close = characters[index...].firstIndex(of: ">")
            {
                let name = String(characters[(index + 1)..<close])
                flush()
                parts.append(Int(name).map { .group($0) } ?? .named(name))
                index = close + 1
            } else {
                switch next {
                case "n": literal.append("\n")
                case "t": literal.append("\t")
                case "\\": literal.append("\\")
                default: literal += "\\" + String(next)
                }
            }
        }
        flush()
        return parts
    }
}
