/// The plugin-level `sql` section: a database the streams query (the SQL transport).
///
/// ```yaml
/// sql: {driver: postgres, url: "{{ config.url }}"}
/// ```
public struct SQLSettings: Sendable, Decodable, SchemaDescribed {
    public enum Driver: String, Sendable, Decodable, CaseIterable { case postgres, sqlite }

    public var driver: Driver
    /// A connection URL template over `config` (`postgres://user:pw@host/db`).
    public var url: String
    public var timeout: String?

    public static var schema: Schema {
        .object([
            "driver": .required(.string(choices: Driver.allCases.map(\.rawValue))),
            "url": .required(.string(format: .template(PluginScopes.config)), "Connection URL"),
            "timeout": .init(.duration, "Statement timeout", default: "60s"),
        ])
    }
}

/// A stream read by a SQL query. Every `{{ }}` in `sql` becomes a bind
/// parameter (`$1`, `$2`), never text spliced into the statement.
///
/// The query names the set of rows to read; the runtime pages through it by
/// keyset: it wraps the query and adds `WHERE (cursor, key) > (last committed
/// values) ORDER BY cursor, key LIMIT page_size`, where the cursor is the
/// stream's `incremental.field` and the key its `primary_key`. So the query
/// itself has no `WHERE` on the cursor, no `ORDER BY` and no `LIMIT`, and rows
/// sharing one cursor value are never lost at a page boundary.
///
/// ```yaml
/// query:
///   sql: SELECT id, email, updated_at FROM customers
///   page_size: 1000
/// primary_key: id
/// incremental: {type: datetime, field: updated_at}
/// ```
public struct SQLQuery: Sendable, Decodable, SchemaDescribed {
    public var sql: String
    public var pageSize: Int?

    enum CodingKeys: String, CodingKey { case sql, pageSize = "page_size" }

    public static var schema: Schema {
        .object([
            "sql": .required(.string(format: .template(PluginScopes.sql)), "The query; {{ }} parts are bind parameters"),
            "page_size": .init(.integer(minimum: 1), "Rows per page", default: 1000),
        ])
    }
}
