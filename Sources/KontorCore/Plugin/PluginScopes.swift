/// The variables each kind of plugin field may use (reference §7.3).
///
/// The loader parses every template when the file loads and rejects any root
/// variable outside its field's scope, pointing at the offending name.
///
/// | field | variables |
/// |---|---|
/// | `spec` defaults, `http.*` (base_url, auth, headers), `inbound.signature`, `process`, `sql`, `files` | `config` |
/// | `request.*`, `check.request` | `config`, `stream_partition`, `stream_interval`, `next_page_token` |
/// | `paginate.value` / `stop_when` | request + `response`, `headers`, `last_record`, `last_page_size`, `page_size` |
/// | `records.filter`, `transform.*` | `record`, `config`, `stream_partition`, `stream_interval` |
/// | `emit.*` | `record`, `config`, `stream`, `stream_partition`, `headers` |
/// | `retry.rules.when` / `message` | `response`, `headers`, `request_url`, `config` |
/// | action request, fields, mapping | `record`, `batch`, `config`, `mode` |
/// | `result.items.success_when` | `item`, `response`, `config` |
/// | `inbound.route.value` | `headers`, `body`, `query`, `config` |
/// | `inbound.signature.payload` | `method`, `url`, `body`, `timestamp`, `headers`, `config` |
/// | `query.sql` | `config`, `stream_partition`, `stream_interval`, `stream_state`, `page_size` |
/// | `file.path` | `config`, `stream_partition` |
public enum PluginScopes {
    private static let requestVariables: Set<String> = ["config", "stream_partition", "stream_interval", "next_page_token"]

    /// Connection-level fields: only the instance's settings.
    public static let config = ExpressionScope("config", variables: ["config"])
    /// A stream's request (path, query, headers, body).
    public static let request = ExpressionScope("request", variables: requestVariables)
    /// A paginator's `value` and `stop_when`.
    public static let paginate = ExpressionScope(
        "paginate",
        variables: requestVariables.union(["response", "headers", "last_record", "last_page_size", "page_size"])
    )
    /// Record-level stream fields: `records.filter`, `transform`.
    public static let record = ExpressionScope(
        "record", variables: ["record", "config", "stream_partition", "stream_interval"]
    )
    /// How a record becomes messages; `headers` holds the webhook's headers (empty for pulls).
    public static let emit = ExpressionScope(
        "emit", variables: ["record", "config", "stream", "stream_partition", "headers"]
    )
    /// Retry rules judging a response.
    public static let retry = ExpressionScope("retry", variables: ["response", "headers", "request_url", "config"])
    /// An action's request, field defaults and mapping.
    public static let action = ExpressionScope("action", variables: ["record", "batch", "config", "mode"])
    /// One item of a per-record result list.
    public static let resultItem = ExpressionScope("result item", variables: ["item", "response", "config"])
    /// Choosing the stream of an inbound delivery.
    public static let inboundRoute = ExpressionScope(
        "inbound route", variables: ["headers", "body", "query", "config"]
    )
    /// The signed content of an inbound signature scheme.
    public static let signaturePayload = ExpressionScope(
        "signature payload", variables: ["method", "url", "body", "timestamp", "headers", "config"]
    )
    /// A SQL query; every `{{ }}` becomes a bind parameter, never spliced text.
    public static let sql = ExpressionScope(
        "sql", variables: ["config", "stream_partition", "stream_interval", "stream_state", "page_size"]
    )
    /// A file path or glob.
    public static let file = ExpressionScope("file", variables: ["config", "stream_partition"])
}
