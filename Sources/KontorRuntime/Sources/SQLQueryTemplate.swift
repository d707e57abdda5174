import Foundation
import KontorCore

/// A stream's `query.sql`, parsed once: literal SQL text with `{{ }}` parts
/// that become bind parameters, never text spliced into the statement.
///
/// A `sql` that is one `{{ }}` and nothing else is a statement given by the
/// source's configuration (a generic plugin's `{{ config.customers_query }}`):
/// its value, rendered with `config` only, is the SQL text. The operator who
/// writes `connectors.yaml` owns the database; record and state values never
/// become SQL text.
///
/// ```yaml
/// sql: "SELECT id, email, updated_at FROM customers WHERE shop = {{ config.shop }}"   # shop is bound as $1
/// sql: "{{ config.customers_query or 'SELECT * FROM ' ~ config.customers_table }}"  # text from config
/// ```
struct SQLQueryTemplate: Sendable {
    private enum Piece: Sendable {
        case text(String)
        case bind(Template)
    }

    private let pieces: [Piece]
    private let whole: Template?
    /// The config settings the query reads, for "check the setting …" messages.
    let settings: [String]

    init(_ source: String) throws(PullError) {
        let template = try PullError.compile(source, field: "query.sql")
        settings = Self.unique(template.memberAccesses(of: "config").map(\.name))
        if template.isLiteral {
            pieces = [.text(source)]
            whole = nil
            return
        }
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), Self.scan(trimmed).count == 1 {
            pieces = []
            whole = template
            return
        }
        var pieces: [Piece] = []
        for piece in Self.scan(source) {
            switch piece {
            case .text(let text): pieces.append(.text(text))
            case .expression(let text): pieces.append(.bind(try PullError.compile(text, field: "query.sql")))
            }
        }
        self.pieces = pieces
        whole = nil
    }

    /// The statement for one run: binds rendered with `variables` (`config`, `stream_state`, `page_size`, …).
    func statement(variables: [String: JSONValue], now: Date) throws(PullError) -> SQLStatement {
        if let whole {
            let context = EvaluationContext(variables: ["config": variables["config"] ?? .null], now: now)
            let value = try PullError.render(whole, in: context, field: "query.sql")
            guard let text = value.stringValue, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw PullError(.plugin, "query.sql is empty; check the source's \(Self.list(settings)) setting")
            }
            return SQLStatement([.text(text)])
        }
        let context = EvaluationContext(variables: variables, now: now)
        var parts: [SQLStatement.Part] = []
        for piece in pieces {
            switch piece {
            case .text(let text): parts.append(.text(text))
            case .bind(let template): parts.append(.bind(try PullError.render(template, in: context, field: "query.sql")))
            }
        }
        return SQLStatement(parts)
    }

    private enum Scanned {
        case text(String)
        case expression(String)
    }

    /// Splits `{{ … }}` parts (with Jinja's `{{-`/`-}}` markers) from the text between them.
    private static func scan(_ source: String) -> [Scanned] {
        var result: [Scanned] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var before = String(rest[..<open.lowerBound])
            var inner = rest[open.upperBound..<close.lowerBound]
            if inner.hasPrefix("-") {
                inner = inner.dropFirst()
                before = String(before.reversed().drop(while: \.isWhitespace).reversed())
            }
            var after = rest[close.upperBound...]
            if inner.hasSuffix("-") {
                inner = inner.dropLast()
                after = after.drop(while: \.isWhitespace)
            }
            if !before.isEmpty { result.append(.text(before)) }
            result.append(.expression("{{" + inner + "}}"))
            rest = after
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    static func list(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard let last = quoted.last else { return "config" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
    }
}
