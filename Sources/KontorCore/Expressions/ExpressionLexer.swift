/// Splits expression text into tokens.
///
/// In template mode the lexer starts after a `{{` and stops at the `}}` that
/// closes it (a `}}` inside a dict literal does not count), so that offsets
/// are offsets inside the whole template.
struct ExpressionLexer {
    let characters: [Character]
    private(set) var position: Int
    private let inTemplate: Bool
    private var bracketDepth = 0

    /// Offset of the character after the closing `}}` (template mode).
    private(set) var endOffset = 0
    /// `-}}`: the template strips whitespace after the tag.
    private(set) var trimsFollowingWhitespace = false

    init(characters: [Character], start: Int = 0, inTemplate: Bool = false) {
        self.characters = characters
        self.position = start
        self.inTemplate = inTemplate
    }

    mutating func tokenize() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            skipWhitespace()
            guard position < characters.count else {
                if inTemplate { throw ExpressionError(offset: position, "missing '}}' to close the expression") }
                tokens.append(ExpressionToken(kind: .end, offset: position))
                return tokens
            }
            if bracketDepth == 0, let endLength = closingTagLength() {
                guard inTemplate else { throw ExpressionError(offset: position, "unexpected '}}' in an expression") }
                tokens.append(ExpressionToken(kind: .end, offset: position))
                endOffset = position + endLength
                return tokens
            }
            tokens.append(try nextToken())
        }
    }

    private func character(at index: Int) -> Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipWhitespace() {
        while let character = character(at: position), character.isWhitespace { position += 1 }
    }

    /// The length of `}}` or `-}}` at the position, if there is one.
    private mutating func closingTagLength() -> Int? {
        if characters[position] == "}", character(at: position + 1) == "}" { return 2 }
        if inTemplate, characters[position] == "-", character(at: position + 1) == "}", character(at: position + 2) == "}" {
            trimsFollowingWhitespace = true
            return 3
        }
        return nil
    }

    private mutating func nextToken() throws(ExpressionError) -> ExpressionToken {
        let start = position
        let character = characters[position]
        if character == "'" || character == "\"" {
            return ExpressionToken(kind: .string(try readString(quote: character)), offset: start)
        }
        if character.isASCII, character.isNumber {
            return ExpressionToken(kind: try readNumber(), offset: start)
        }
        if character == "_" || character.isLetter {
            while let next = self.character(at: position), next == "_" || next.isLetter || next.isNumber { position += 1 }
            return ExpressionToken(kind: .name(String(characters[start..<position])), offset: start)
        }
        for symbol in Self.symbols where matches(symbol) {
            position += symbol.count
            switch symbol {
            case "(", "[", "{": bracketDepth += 1
            case ")", "]", "}": bracketDepth = max(0, bracketDepth - 1)
            default: break
            }
            return ExpressionToken(kind: .symbol(symbol), offset: start)
        }
        throw ExpressionError(offset: start, "unexpected character '\(character)'")
    }

    private static let symbols = [
        "**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "~", "+", "-", "*", "/",
        "%", "<", ">", "=",
    ]

    private func matches(_ symbol: String) -> Bool {
        var index = position
        for character in symbol {
            guard self.character(at: index) == character else { return false }
            index += 1
        }
        return true
    }

    private mutating func readNumber() throws(ExpressionError) -> ExpressionToken.Kind {
        let start = position
        let afterDot = start > 0 && characters[start - 1] == "."
        var text = readDigits()
        var isFloat = false
        if !afterDot, character(at: position) == ".", let next = character(at: position + 1), next.isASCII, next.isNumber {
            position += 1
            text += "." + readDigits()
            isFloat = true
        }
        if !afterDot, let marker = character(at: position), marker == "e" || marker == "E" {
            var index = position + 1
            var exponent = "e"
            if let sign = character(at: index), sign == "+" || sign == "-" {
                exponent.append(sign)
                index += 1
            }
            if let digit = character(at: index), digit.isASCII, digit.isNumber {
                position = index
                text += exponent + readDigits()
                isFloat = true
            }
        }
        if isFloat {
            guard let value = Double(text) else { throw ExpressionError(offset: start, "invalid number '\(text)'") }
            return .float(value)
        }
        guard let value = Int(text) else { throw ExpressionError(offset: start, "integer '\(text)' is too large") }
        return .integer(value)
    }

    private mutating func readDigits() -> String {
        var digits = ""
        while let character = character(at: position), (character.isASCII && character.isNumber) || character == "_" {
            if character != "_" { digits.append(character) }
            position += 1
        }
        return digits
    }

    private mutating func readString(quote: Character) throws(ExpressionError) -> String {
        let start = position
        position += 1
        var value = ""
        while let character = character(at: position) {
            position += 1
            if character == quote { return value }
            if character == "\\" {
                guard let escaped = self.character(at: position) else { break }
                position += 1
                try appendEscape(escaped, to: &value)
            } else {
                value.append(character)
            }
        }
        throw ExpressionError(offset: start, "unterminated string")
    }

    /// Python escapes; an unknown escape such as `\d` keeps its backslash (so regexes read naturally).
    private mutating func appendEscape(_ escaped: Character, to value: inout String) throws(ExpressionError) {
        switch escaped {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "0": value.append("\0")
        case "a": value.append("\u{07}")
        case "b": value.append("\u{08}")
        case "f": value.append("\u{0C}")
        case "v": value.append("\u{0B}")
        case "\\", "'", "\"": value.append(escaped)
        case "\n": break
        case "x", "u", "U":
            let width = escaped == "x" ? 2 : escaped == "u" ? 4 : 8
            let hexStart = position
            guard hexStart + width <= characters.count,
                let code = UInt32(String(characters[hexStart..<hexStart + width]), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw ExpressionError(offset: hexStart - 2, "invalid '\\\(escaped)' escape") }
            position += width
            value.unicodeScalars.append(scalar)
        default:
            value.append("\\")
            value.append(escaped)
        }
    }
}
