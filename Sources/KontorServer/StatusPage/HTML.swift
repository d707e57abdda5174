/// HTML text built by string concatenation, with every interpolated value escaped.
///
/// The status page shows names and error texts that come from configuration,
/// plugins and remote APIs; ``escape(_:)`` makes them inert text.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A table: escaped header cells, and rows of cells that are already HTML.
    static func table(_ headers: [String], rows: [[String]], numericColumns: Set<Int> = [], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(escape(empty))</p>" }
        var html = "<table><thead><tr>"
        for (index, header) in headers.enumerated() {
            html += "<th\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(escape(header))</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += "<td\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(cell)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// A coloured label: `ok`, `warn`, `bad` or `idle`.
    static func badge(_ text: String, _ tone: String) -> String {
        "<span class=\"badge \(tone)\">\(escape(text))</span>"
    }
}
