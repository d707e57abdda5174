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
/// `stream_state.cursor` is the last committed value of the stream's
/// `incremental.field` (or the incremental `start` on the first run); the
/// runtime re-runs the query with the last row's cursor until a page has
/// fewer than `page_size` rows, so the query must order by the cursor.
///
/// ```yaml
/// query:
///   sql: >-
///     SELECT id, email, updated_at FROM customers
///     WHERE updated_at > {{ stream_state.cursor }} ORDER BY updated_at, id LIMIT {{ page_size }}
///   page_size: 1000
/// incremental: {type: datetime, field: updated_at, start: "1970-01-01T00:00:00Z"}
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
