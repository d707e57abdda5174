/// A row of a file that could not be read, with where it is: listed in a
/// file pull's result (`on_bad_row: skip`) or stopping the run (`fail`).
///
/// ```text
/// sales-2024-05-01.csv:17: expected 6 fields, found 5
/// ```
public struct BadRow: Sendable, Hashable, CustomStringConvertible {
    /// The stream the file belongs to.
    public var stream: String
    /// The file, relative to `files.root`.
    public var file: String
    /// The 1-based physical line the row starts on.
    public var line: Int
    public var reason: String

    public init(stream: String, file: String, line: Int, reason: String) {
        self.stream = stream
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
