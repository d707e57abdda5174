/// Splits a scalar into literal text and `${kind:NAME}` references
/// (optionally `${kind:NAME:-default}`, used when NAME is unset).
enum ReferenceScanner {
    struct Reference: Equatable {
        var isSecret: Bool
        var name: String
        /// The text after `:-`, used when the variable is not set.
        var defaultValue: String?
        /// The reference as written, e.g. `${secret:SHOPIFY_TOKEN}`.
        var text: String
    }

    enum Part: Equatable {
        case text(String)
        /// A reference and the character offset of its `$`.
        case reference(Reference, offset: Int)
        case invalid(String, offset: Int, problem: String)
    }

    static func scan(_ value: String) -> [Part] {
        let characters = Array(value)
        var parts: [Part] = []
        var text = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "$", index + 2 < characters.count, characters[index + 1] == "$", characters[index + 2] == "{" {
                text += "${"
                index += 3
                continue
            }
            guard characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" else {
                text.append(characters[index])
                index += 1
                continue
            }
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                parts.append(.invalid(String(characters[index...]), offset: index, problem: "unterminated '${'"))
                return parts
            }
            let written = String(characters[index...close])
            parts.append(reference(String(characters[(index + 2)..<close]), written: written, offset: index))
            index = close + 1
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    private static func reference(_ body: String, written: String, offset: Int) -> Part {
        let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0] == "env" || pieces[0] == "secret" else {
            return .invalid(written, offset: offset, problem: "unknown reference kind; write ${env:NAME} or ${secret:NAME} ($${ for a literal '${')")
        }
        var name = String(pieces[1])
        var defaultValue: String?
        if let marker = name.range(of: ":-") {
            defaultValue = String(name[marker.upperBound...])
            name = String(name[..<marker.lowerBound])
        }
        let valid = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard valid else {
            return .invalid(written, offset: offset, problem: "invalid variable name '\(name)'")
        }
        return .reference(
            Reference(isSecret: pieces[0] == "secret", name: name, defaultValue: defaultValue, text: written),
            offset: offset)
    }
}
