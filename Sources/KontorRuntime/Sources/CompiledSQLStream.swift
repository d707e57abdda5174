import Foundation
import KontorCore

/// One SQL stream of a plugin, checked and compiled before the run: the
/// query, the columns it is paged by, the filter, transforms and emit rules
/// (the same ``MessageEmitter`` as HTTP and file streams).
///
/// The page order is the `incremental.field` column (when the stream is
/// incremental), then the `primary_key` columns, so rows with equal cursor
/// values are never lost at a page boundary. These names are output columns
/// of the query and may be `{{ config.x }}` templates in a generic plugin.
struct CompiledSQLStream: Sendable {
    let name: String
    let query: SQLQueryTemplate
    /// Cursor column first (incremental), then the key columns.
    let order: [String]
    let incremental: Bool
    let start: Template?
    let pageSize: Int
    let extractor: RecordExtractor
    let transformer: RecordTransformer
    let emitter: MessageEmitter

    /// The record field a row's keyset position is given under, so that the message ids of a row
    /// change whenever its cursor does, whatever the transforms rename.
    static let positionField = "_position"

    init(name: String, stream: PluginStream, source: String, config: JSONValue, pageSize: Int?, now: Date) throws(PullError) {
        guard let sql = stream.query else {
            throw PullError(.plugin, "has no query: only SQL streams can be read here", stream: name)
        }
        do throws(PullError) {
            self.name = name
            query = try SQLQueryTemplate(sql.sql)
            if !(stream.partitions ?? []).isEmpty {
                throw PullError(.plugin, "partitions are not supported on a SQL stream; filter in the query instead")
            }
            let keys = try (stream.primaryKey ?? []).map { path throws(PullError) in
                try Self.column(path, field: "primary_key", config: config, now: now)
            }
            var cursorColumn: String?
            var start: Template?
            switch stream.incremental {
            case .datetime(let cursor)?:
                cursorColumn = try Self.column(cursor.field, field: "incremental.field", config: config, now: now)
                start = try PullError.compile(cursor.start.value, field: "incremental.start")
            case .counter(let field, let value, _)?:
                cursorColumn = try Self.column(field, field: "incremental.field", config: config, now: now)
                start = try value.map { value throws(PullError) in
                    try PullError.compile(value.stringValue ?? MessageIdentity.canonical(value), field: "incremental.start")
                }
            case nil:
                break
            }
            order = (cursorColumn.map { [$0] } ?? []) + keys.filter { $0 != cursorColumn }
            guard !order.isEmpty else {
                throw PullError(.plugin, "a SQL stream needs primary_key (and incremental.field to read only changes): they order its pages")
            }
            incremental = cursorColumn != nil
            self.start = start
            self.pageSize = max(1, pageSize ?? sql.pageSize ?? 1000)
            extractor = try RecordExtractor(stream.records)
            transformer = try RecordTransformer(stream.transform ?? [])
            var emitCursor: IncrementalCursor?
            if case .datetime(var cursor)? = stream.incremental, let cursorColumn {
                cursor.field = FieldPath([cursorColumn])
                emitCursor = try IncrementalCursor(.datetime(cursor))
            }
            emitter = try MessageEmitter(
                source: source, stream: name, rules: stream.emit ?? [], primaryKey: [FieldPath([Self.positionField])],
                cursor: emitCursor
            )
        } catch {
            throw error.inStream(name)
        }
    }

    /// The first run's lower bound: `incremental.start` rendered with `config`; `nil` when empty.
    func from(config: JSONValue, now: Date) throws(PullError) -> String? {
        guard let start else { return nil }
        let value = try PullError.render(start, in: EvaluationContext(variables: ["config": config], now: now), field: "incremental.start")
        if value.isNull { return nil }
        let text = value.stringValue ?? MessageIdentity.canonical(value)
        return text.isEmpty ? nil : text
    }

    /// A column name: the path's text, or a `{{ }}` template of it rendered with `config`.
    static func column(_ path: FieldPath, field: String, config: JSONValue, now: Date) throws(PullError) -> String {
        let text = path.segments.joined(separator: ".")
        guard text.contains("{{") else { return text }
        let template = try PullError.compile(text, field: field)
        let value = try PullError.render(template, in: EvaluationContext(variables: ["config": config], now: now), field: field)
        guard let name = value.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            let settings = SQLQueryTemplate.list(SQLQueryTemplate.unique(template.memberAccesses(of: "config").map(\.name)))
            throw PullError(.plugin, "\(field) is empty; check the source's \(settings) setting")
        }
        return name
    }
}
