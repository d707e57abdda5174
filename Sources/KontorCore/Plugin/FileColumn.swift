/// One entry of a file stream's `columns:` (the header mapping): the record
/// field a column header becomes, and optionally the type its text is read as.
///
/// Written as a bare field name, or as an object:
///
/// ```yaml
/// columns:
///   "E-Mail": email                                   # rename only; the value stays text
///   "Menge": {name: quantity, type: integer}
///   "Datum": {name: sold_at, type: date, format: "%d.%m.%Y %H:%M"}
/// ```
public struct FileColumn: Sendable, Hashable, Decodable, SchemaDescribed, ExpressibleByStringLiteral {
    /// How a column's text becomes a JSON value.
    public enum ValueType: String, Sendable, Hashable, Decodable, CaseIterable {
        /// The text as it is (the default).
        case string
        /// A whole number (`42`, `-7`); empty text is `null`.
        case integer
        /// A decimal number (`12.50`, also `12,50` and `1.234,50`); empty text is `null`.
        case number
        /// `true`/`false`, `yes`/`no`, `1`/`0`, `y`/`n`; empty text is `null`.
        case boolean
        /// A date or date-time, stored as RFC 3339 text; read by `format` (strftime) when given,
        /// else RFC 3339, `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM[:SS]` (UTC).
        case date
    }

    /// The record field the column becomes; `nil` keeps the header as the field name.
    public var name: String?
    public var type: ValueType?
    /// For `date`: a strftime pattern such as `%d.%m.%Y %H:%M`.
    public var format: String?

    public init(name: String?, type: ValueType? = nil, format: String? = nil) {
        self.name = name
        self.type = type
        self.format = format
    }

    public init(stringLiteral value: String) {
        self.init(name: value)
    }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self.init(name: name)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name),
            type: try c.decodeIfPresent(ValueType.self, forKey: .type),
            format: try c.decodeIfPresent(String.self, forKey: .format)
        )
    }

    enum CodingKeys: String, CodingKey { case name, type, format }

    public static var schema: Schema {
        .either([
            .string(),
            .object([
                "name": .init(.string(), "The record field (default: the header)"),
                "type": .init(.string(choices: ValueType.allCases.map(\.rawValue)), "How the text is read", default: "string"),
                "format": .init(.string(), "For type date: a strftime pattern"),
            ], description: "A typed column"),
        ])
    }
}
