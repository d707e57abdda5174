/// A stream read from files (CSV or JSON Lines) instead of HTTP; the `file`
/// transport. Paths are relative to the plugin's `files.root`.
///
/// Incremental reading keeps the last file done, ordered by name or by
/// modification time; a file is read whole and committed with its position.
///
/// ```yaml
/// files: {root: "{{ config.directory }}"}
/// streams:
///   customers:
///     file: {path: "customers-*.csv", format: csv, delimiter: ";", columns: {"E-Mail": email}, order_by: name}
/// ```
public struct FileSource: Sendable, Decodable, SchemaDescribed {
    public enum Format: String, Sendable, Decodable, CaseIterable { case csv, jsonl }
    public enum Order: String, Sendable, Decodable, CaseIterable { case name, mtime }
    public enum Compression: String, Sendable, Decodable, CaseIterable { case none, gzip }

    /// A glob (`*`, `**`, `?`) relative to `files.root`; a template over `config`, `stream_partition`.
    public var path: String
    public var format: Format
    /// CSV: the field separator (default `,`).
    public var delimiter: String?
    /// CSV: the first row names the columns (default true).
    public var header: Bool?
    /// CSV without a header row: the column names in order.
    public var names: [String]?
    /// Column header → record field (the header mapping).
    public var columns: [String: String]?
    /// Incremental order of files; absent = every run reads all matching files.
    public var orderBy: Order?
    public var compression: Compression?
    public var encoding: String?

    enum CodingKeys: String, CodingKey {
        case path, format, delimiter, header, names, columns, orderBy = "order_by", compression, encoding
    }

    public static var schema: Schema {
        .object([
            "path": .required(.string(format: .template(PluginScopes.file)), "Glob relative to files.root"),
            "format": .required(.string(choices: Format.allCases.map(\.rawValue))),
            "delimiter": .init(.string(), "CSV separator", default: ","),
            "header": .init(.boolean, "CSV: first row names the columns", default: true),
            "names": .init(.array(.string()), "CSV without header: column names"),
            "columns": .init(.map(.string()), "Header → record field"),
            "order_by": .init(.string(choices: Order.allCases.map(\.rawValue)), "Incremental by file name or mtime"),
            "compression": .init(.string(choices: Compression.allCases.map(\.rawValue)), default: "none"),
            "encoding": .init(.string(), default: "utf-8"),
        ], description: "Read records from files")
    }
}

/// The plugin-level `files` section: where a file plugin's paths start.
public struct FileSettings: Sendable, Decodable, SchemaDescribed {
    public var root: String
    /// Move a file here (relative to root) once it is fully read.
    public var archive: String?

    public static var schema: Schema {
        .object([
            "root": .required(.string(format: .template(PluginScopes.config)), "Directory the stream paths start at"),
            "archive": .init(.string(format: .template(PluginScopes.config)), "Move finished files here"),
        ])
    }
}
