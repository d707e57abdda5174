import Foundation
import KontorCore

/// How a file's columns become a record: the header mapping (`columns:`)
/// with each column's field name and type.
///
/// A CSV row has exactly as many fields as the header (or `names:`); a
/// JSON Lines object keeps all its keys, renamed and typed where `columns:`
/// names them. Headers are matched after trimming spaces, so `"E-Mail "`
/// finds the mapping for `E-Mail`.
struct RecordLayout: Sendable {
    struct Column: Sendable {
        var header: String
        var field: String
        var parser: ColumnValueParser
    }

    let mapping: [String: FileColumn]
    /// The CSV columns in file order; empty for JSON Lines.
    let columns: [Column]

    init(mapping: [String: FileColumn]?, headers: [String] = []) {
        var trimmed: [String: FileColumn] = [:]
        for (header, column) in mapping ?? [:] { trimmed[Self.clean(header)] = column }
        self.mapping = trimmed
        columns = headers.map { raw in
            let header = Self.clean(raw)
            let column = trimmed[header]
            return Column(
                header: header, field: column?.name ?? header,
                parser: ColumnValueParser(type: column?.type, format: column?.format)
            )
        }
    }

    /// This layout for a file whose header row (or `names:`) is `headers`.
    func with(headers: [String]) -> RecordLayout {
        RecordLayout(mapping: mapping, headers: headers)
    }

    /// The record of one CSV row.
    func record(csv values: [String]) throws(BadRowReason) -> JSONValue {
        guard values.count == columns.count else {
            throw BadRowReason("expected \(columns.count) fields, found \(values.count)")
        }
        var record: [String: JSONValue] = [:]
        for (column, text) in zip(columns, values) {
            switch column.parser.value(of: text) {
            case .success(let value): record[column.field] = value
            case .failure(let error): throw BadRowReason(column: column.header, error)
            }
        }
        return .object(record)
    }

    /// The record of one JSON Lines object: mapped keys renamed and typed, others kept.
    func record(json object: [String: JSONValue]) throws(BadRowReason) -> JSONValue {
        guard !mapping.isEmpty else { return .object(object) }
        var record: [String: JSONValue] = [:]
        for (key, value) in object {
            guard let column = mapping[key] else {
                if record[key] == nil { record[key] = value }
                continue
            }
            var typed = value
            if let type = column.type, type != .string, case .string(let text) = value {
                switch ColumnValueParser(type: type, format: column.format).value(of: text) {
                case .success(let parsed): typed = parsed
                case .failure(let error): throw BadRowReason(column: key, error)
                }
            }
            record[column.name ?? key] = typed
        }
        return .object(record)
    }

    static func clean(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespaces)
    }
}

/// Why one row of a file could not be read.
struct BadRowReason: Error, Sendable, Hashable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    init(column: String, _ error: ColumnValueError) {
        let shown = error.text.count > 40 ? String(error.text.prefix(40)) + "…" : error.text
        description = "column '\(column)': '\(shown)' is not \(error.expected)"
    }
}
