/// One token of an expression, with the 0-based character offset where it starts.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case integer(Int)
        case float(Double)
        case string(String)
        /// Punctuation and operators: `( ) [ ] { } , : . | ~ + - * / // % ** == != < <= > >= =`.
        case symbol(String)
        case end
    }

    let kind: Kind
    let offset: Int

    var symbol: String? {
        if case .symbol(let symbol) = kind { return symbol }
        return nil
    }

    var name: String? {
        if case .name(let name) = kind { return name }
        return nil
    }

    func isSymbol(_ symbol: String) -> Bool { self.symbol == symbol }

    func isName(_ name: String) -> Bool { self.name == name }

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .name(let name): return "'\(name)'"
        case .integer(let value): return "'\(value)'"
        case .float(let value): return "'\(value)'"
        case .string: return "a string"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end of the expression"
        }
    }
}
