import Foundation

/// The SOQL subset the emulator understands:
/// `SELECT f1, f2 FROM Contact [WHERE f op literal [AND …]] [ORDER BY f [ASC|DESC]] [LIMIT n]`,
/// with datetime literals unquoted (`SystemModstamp > 2024-01-01T00:00:00Z`), strings in single quotes.
struct SOQLQuery: Equatable {
    struct Condition: Equatable {
        var field: String
        var operation: String
        var literal: String
    }

    var fields: [String]
    var object: String
    var conditions: [Condition] = []
    var orderBy: String?
    var descending = false
    var limit: Int?

    /// Parses `text`; throws a message in the style of Salesforce's `MALFORMED_QUERY`.
    init(_ text: String) throws(SOQLError) {
        var tokens = Self.tokenize(text)[...]
        func next() -> String? { tokens.popFirst() }
        func expect(_ keyword: String) throws(SOQLError) {
            guard let token = next(), token.uppercased() == keyword else { throw SOQLError("unexpected token: expected \(keyword)") }
        }
        try expect("SELECT")
        fields = []
        while let token = next() {
            if token.uppercased() == "FROM" { break }
            if token != "," { fields.append(token) }
        }
        guard !fields.isEmpty, let object = next() else { throw SOQLError("unexpected token: 'FROM'") }
        self.object = object
        while let token = next() {
            switch token.uppercased() {
            case "WHERE", "AND":
                guard let field = next(), let operation = next(), let literal = next(),
                    ["=", "!=", "<", "<=", ">", ">="].contains(operation)
                else { throw SOQLError("unexpected token near '\(token)'") }
                conditions.append(Condition(field: field, operation: operation, literal: literal))
            case "ORDER":
                try expect("BY")
                guard let field = next() else { throw SOQLError("unexpected token: 'BY'") }
                orderBy = field
                if let direction = tokens.first?.uppercased(), direction == "ASC" || direction == "DESC" {
                    descending = direction == "DESC"
                    _ = next()
                }
            case "LIMIT":
                guard let value = next().flatMap(Int.init), value >= 0 else { throw SOQLError("unexpected token: 'LIMIT'") }
                limit = value
            default:
                throw SOQLError("unexpected token: '\(token)'")
            }
        }
    }

    /// Splits on whitespace, keeps `,` and comparison operators as tokens and `'quoted strings'` whole.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                current.append(character)
                if character == "'" { quoted = false; flush() }
            } else if character == "'" {
                flush(); current = "'"; quoted = true
            } else if character.isWhitespace {
                flush()
            } else if character == "," {
                flush(); tokens.append(",")
            } else if "<>=!".contains(character) {
                flush()
                var operation = String(character)
                if characters.first == "=" { operation.append("="); characters.removeFirst() }
                tokens.append(operation)
            } else {
                current.append(character)
            }
        }
        flush()
        return tokens
    }
}

/// A SOQL parse error (Salesforce answers `MALFORMED_QUERY`).
struct SOQLError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
