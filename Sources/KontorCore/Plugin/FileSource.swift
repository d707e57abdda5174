/// A stream read from files (CSV or JSON Lines) instead of HTTP; the `file`
/// transport. Paths are relative to the plugin's `files.root`.
///
/// Incremental reading keeps the last file done, ordered by name or by
/// modification time; a file is committed page by page with its position
/// (file and line), so a stopped run resumes after the last committed page.
///
/// ```yaml
/// files: {root: "{{ config.directory }}"}
/// streams:
///   customers:
///     file:
///       path: "customers-*.csv"
///       format: csv
///       delimiter: ";"
///       columns: {"E-Mail": email, "Punkte": {name: points, type: integer}}
///       order_by: name
///       on_bad_row: skip
/// ```
public struct FileSource: Sendable, Decodable, SchemaDescribed {
    public enum Format: String, Sendable, Decodable, CaseIterable { case csv, jsonl }
    public enum Order: String, Sendable, Decodable, CaseIterable { case name, mtime }
    public enum Compression: String, Sendable, Decodable, CaseIterable { case none, gzip }
    /// What a row that cannot be read does (wrong number of fields, a value
    /// not of its column's type, a JSON line that is not an object).
    public enum BadRowPolicy: String, Sendable, Decodable, CaseIterable {
        /// The run stops at the bad row; nothing after the last committed page moves.
        case fail
        /// The row is counted and listed in the run's report; the run goes on.
        case skip
    }

    /// A glob (`*`, `**`, `?`) relative to `files.root`; a template over `config`, `stream_partition`.
    public var path: String
    public var format: Format
    /// CSV: the field separator (default `,`; `\t` for tab); a template over `config`.
    public var delimiter: String?
    /// CSV: the first row names the columns (default true).
    public var header: Bool?
    /// CSV without a header row: the column names in order.
    public var names: [String]?
    /// Column header → record field (the header mapping), optionally typed.
    public var columns: [String: FileColumn]?
    /// Incremental order of files; absent = every run reads all matching files.
    public var orderBy: Order?
    public var compression: Compression?
    public var encoding: String?
    /// What a bad row does; default `fail`.
    public var onBadRow: BadRowPolicy?

    enum CodingKeys: String, CodingKey {
        case path, format, delimiter, header, names, columns, orderBy = "order_by", compression, encoding
        case onBadRow = "on_bad_row"
    }

    public static var schema: Schema {
        .object([
            "path": .required(.string(format: .template(PluginScopes.file)), "Glob relative to files.root"),
            "format": .required(.string(choices: Format.allCases.map(\.rawValue))),
            "delimiter": .init(.string(format: .template(PluginScopes.config)), "CSV separator (one character, \\t for tab)", default: ","),
            "header": .init(.boolean, "CSV: first row names the columns", default: true),
            "names": .init(.array(.string()), "CSV without header: column names"),
            "columns": .init(.map(FileColumn.schema), "Header → record field, or {name, type, format}"),
            "order_by": .init(.string(choices: Order.allCases.map(\.rawValue)), "Incremental by file name or mtime"),
            "compression": .init(
                .string(choices: Compression.allCases.map(\.rawValue)), "none; gzip is reserved (the runtime refuses it for now)",
                default: "none"
            ),
            "encoding": .init(.string(choices: ["utf-8", "latin1", "windows-1252"]), default: "utf-8"),
            "on_bad_row": .init(
                .string(choices: BadRowPolicy.allCases.map(\.rawValue)), "A bad row stops the run (fail) or is listed and skipped",
                default: "fail"
            ),
        ], description: "Read records from files")
    }
}

/// The plugin-level `files` section: where a file plugin's paths start.
public struct FileSettings: Sendable, Decodable, SchemaDescribed {
    public var root: String
    /// Move a file here (relative to root, or absolute) once it is read and stored; rendered empty = no archive.
    public var archive: String?

    public static var schema: Schema {
        .object([
            "root": .required(.string(format: .template(PluginScopes.config)), "Directory the stream paths start at"),
            "archive": .init(.string(format: .template(PluginScopes.config)), "Move finished files here"),
        ])
    }
}
