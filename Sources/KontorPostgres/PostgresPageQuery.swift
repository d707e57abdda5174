import Foundation
import KontorCore
import KontorRuntime
import PostgresNIO

/// The statement that reads one page of a SQL stream on PostgreSQL: the
/// stream's query as a subquery, filtered by the keyset position and ordered
/// by the order columns, with a LIMIT (never OFFSET). The server turns each
/// row into JSON (`to_jsonb`) and returns the order columns as text, so the
/// position stored between pages and runs parses back to the same values.
///
/// ```sql
/// SELECT to_jsonb(kontor_page)::text, kontor_page."updated_at"::text, kontor_page."id"::text
/// FROM (SELECT * FROM customers) AS kontor_page
/// WHERE (kontor_page."updated_at", kontor_page."id") > ($1, $2)
/// ORDER BY kontor_page."updated_at", kontor_page."id" LIMIT 1000
/// ```
struct PostgresPageQuery: Sendable, Hashable {
    var sql: String
    /// The bind values in order, `nil` for NULL; all sent as untyped text.
    var binds: [String?]

    init(_ request: SQLPageRequest) {
        var binds: [String?] = []
        var inner = ""
        for part in request.query.parts {
            switch part {
            case .text(let text):
                inner += text
            case .bind(let value):
                binds.append(Self.text(of: value))
                inner += "$\(binds.count)"
            }
        }
        inner = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        while inner.hasSuffix(";") { inner = String(inner.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        let columns = request.order.map { "kontor_page." + Self.quoted($0) }
        var conditions: [String] = []
        if let after = request.after, after.count == columns.count {
            let placeholders = after.map { value -> String in
                binds.append(value)
                return "$\(binds.count)"
            }
            conditions.append("(\(columns.joined(separator: ", "))) > (\(placeholders.joined(separator: ", ")))")
        } else if let from = request.from, let first = columns.first {
            binds.append(from)
            conditions.append("\(first) >= $\(binds.count)")
        }
        var sql = "SELECT to_jsonb(kontor_page)::text" + columns.map { ", \($0)::text" }.joined()
        sql += "\nFROM (\n\(inner)\n) AS kontor_page"
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: " AND ") }
        sql += "\nORDER BY \(columns.joined(separator: ", ")) LIMIT \(max(1, request.limit))"
        self.sql = sql
        self.binds = binds
    }

    /// The PostgresNIO query.
    var query: PostgresQuery {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if let bind { bindings.append(UntypedText(text: bind)) } else { bindings.appendNull() }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// A double-quoted identifier (`"Updated At"`), quotes inside doubled.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON value as the text of an untyped parameter; `nil` is SQL NULL.
    static func text(of value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
