import KontorCore

/// A statement with its bind parameters kept apart from its text: every
/// `{{ }}` of a plugin's `query.sql` becomes a `.bind`, never spliced text.
public struct SQLStatement: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        case bind(JSONValue)
    }

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }
}

/// One page of a SQL stream, read with keyset pagination (never OFFSET):
/// the rows of `query` ordered by the `order` columns, strictly after the
/// position `after`, at most `limit` of them.
///
/// ```sql
/// SELECT … FROM (<query>) AS page WHERE (updated_at, id) > ($after0, $after1) ORDER BY updated_at, id LIMIT 1000
/// ```
public struct SQLPageRequest: Sendable, Hashable {
    /// The stream's query (the rows to page through).
    public var query: SQLStatement
    /// Output columns of `query` to order and page by: the cursor column first (incremental streams), then the keys.
    public var order: [String]
    /// The text values of `order` of the last row read; `nil` reads from the start.
    public var after: [String]?
    /// On the first run of an incremental stream, the lowest cursor value to read (`order[0] >= from`).
    public var from: String?
    public var limit: Int

    public init(query: SQLStatement, order: [String], after: [String]? = nil, from: String? = nil, limit: Int) {
        self.query = query
        self.order = order
        self.after = after
        self.from = from
        self.limit = limit
    }
}

/// A row read by a driver: the record (column name → JSON value) and its
/// position, the text values of the request's `order` columns (`nil` for NULL).
public struct SQLRow: Sendable, Hashable {
    public var record: JSONValue
    public var position: [String?]

    public init(record: JSONValue, position: [String?]) {
        self.record = record
        self.position = position
    }
}
