import Foundation
import KontorCore

/// A stream's `file:` settings checked once before the run: how each of its
/// files is opened and read into rows.
struct FileFormat: Sendable {
    let format: FileSource.Format
    let delimiter: UInt8
    let header: Bool
    let names: [String]?
    let layout: RecordLayout
    let encoding: FileTextEncoding
    let compression: FileSource.Compression
    /// Bytes read from the file at a time.
    let chunkSize: Int
    /// The longest row accepted, so an unclosed quote cannot fill memory.
    let maxRowBytes: Int

    /// - Parameter delimiter: `file.delimiter` rendered with `config`.
    init(_ source: FileSource, delimiter: String? = nil, chunkSize: Int = 64 * 1024, maxRowBytes: Int = 16 * 1_048_576) throws(FileSourceError) {
        format = source.format
        let delimiter = delimiter ?? source.delimiter ?? ","
        let text = delimiter == "\\t" ? "\t" : delimiter
        guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else {
            throw .settings("file.delimiter '\(delimiter)' must be one ASCII character other than a quote or a line break (',' ';' '\\t' '|')")
        }
        self.delimiter = byte
        header = source.header ?? true
        names = source.names
        if !header, (names ?? []).isEmpty, source.format == .csv {
            throw .settings("file.header is false: give the column names with file.names")
        }
        layout = RecordLayout(mapping: source.columns, headers: header ? [] : (names ?? []))
        guard let encoding = FileTextEncoding(name: source.encoding) else {
            throw .settings("file.encoding '\(source.encoding ?? "")' is not supported; use utf-8, latin1 or windows-1252")
        }
        self.encoding = encoding
        compression = source.compression ?? FileSource.Compression.none
        if compression == .gzip {
            throw .settings("file.compression gzip is not supported yet; unpack the files first (gunzip) and match '*.csv'")
        }
        self.chunkSize = chunkSize
        self.maxRowBytes = maxRowBytes
    }

    /// A reader of the rows of `entry`.
    func reader(for entry: FileCatalog.Entry) throws(FileSourceError) -> any FileRowReader {
        let chunks = try FileChunks(url: entry.url, name: entry.name, chunkSize: chunkSize)
        switch format {
        case .csv: return CSVRowReader(chunks: chunks, format: self)
        case .jsonl: return JSONLinesRowReader(chunks: chunks, format: self)
        }
    }
}

/// One row read from a file: a record, or a bad row with its reason.
enum FileRow: Sendable, Hashable {
    case record(JSONValue, line: Int)
    case bad(line: Int, reason: String)

    /// The 1-based physical line the row starts on.
    var line: Int {
        switch self {
        case .record(_, let line), .bad(let line, _): line
        }
    }
}

/// Reads the rows of one file, in order; `nil` at the end.
protocol FileRowReader: AnyObject {
    func next() throws(FileSourceError) -> FileRow?
}
