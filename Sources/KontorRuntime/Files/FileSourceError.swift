/// Why reading a file stream failed, before it becomes a ``PullError``.
enum FileSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `files.root` is not a folder.
    case missingRoot(String)
    /// A folder or file could not be opened or read.
    case unreadable(String, String)
    /// The stream's settings cannot be used (a glob leaving the root, a delimiter of two characters, …).
    case settings(String)
    /// A bad row with `on_bad_row: fail`, or a row that makes the rest of the file unreadable.
    case badRow(BadRow)
    /// A row longer than the reader accepts (most often an unclosed quote).
    case rowTooLong(file: String, line: Int, limit: Int)

    var description: String {
        switch self {
        case .missingRoot(let path):
            "files.root '\(path)' is not a folder; check the source's directory setting"
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .settings(let message):
            message
        case .badRow(let row):
            "\(row) (on_bad_row: fail; set on_bad_row: skip to list bad rows and go on)"
        case .rowTooLong(let file, let line, let limit):
            "\(file):\(line): the row is longer than \(limit / 1_048_576) MiB; is a quote left open?"
        }
    }

    /// The pull error of this failure.
    var pullError: PullError {
        switch self {
        case .settings: PullError(.plugin, description)
        case .missingRoot: PullError(.plugin, description)
        case .unreadable, .badRow, .rowTooLong: PullError(.malformedPage, description)
        }
    }
}
