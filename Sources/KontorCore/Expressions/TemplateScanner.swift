/// Splits template text into literal text and parsed `{{ }}` expressions.
enum TemplateScanner {
    static func parts(of characters: [Character]) throws(ExpressionError) -> [Template.Part] {
        var parts: [Template.Part] = []
        var text = ""
        var index = 0
        var trimNextText = false
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "{", next == "%", isStatement(characters, from: index + 2) {
                throw ExpressionError(offset: index, "'{% … %}' statements are not supported; use an expression in '{{ }}'")
            }
            guard character == "{", next == "{" else {
                text.append(character)
                index += 1
                continue
            }
            var start = index + 2
            if start < characters.count, characters[start] == "-" {
                start += 1
                while let last = text.last, last.isWhitespace { text.removeLast() }
            }
            if trimNextText { text = String(text.drop(while: \.isWhitespace)) }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            var lexer = ExpressionLexer(characters: characters, start: start, inTemplate: true)
            let tokens = try lexer.tokenize()
            if tokens.count == 1 { throw ExpressionError(offset: index, "empty '{{ }}'") }
            var parser = ExpressionParser(tokens: tokens)
            parts.append(.expression(try parser.parse()))
            trimNextText = lexer.trimsFollowingWhitespace
            index = lexer.endOffset
        }
        if trimNextText { text = String(text.drop(while: \.isWhitespace)) }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// `{%` followed by optional `-`/space and a keyword letter looks like a Jinja statement
    /// (`{% if`), while `{%22` in URL-encoded text does not.
    private static func isStatement(_ characters: [Character], from start: Int) -> Bool {
        var index = start
        while index < characters.count, characters[index] == "-" || characters[index] == "+" || characters[index] == " " {
            index += 1
        }
        return index < characters.count && characters[index].isLetter
    }
}
