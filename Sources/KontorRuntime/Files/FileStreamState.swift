import Foundation
import KontorCore

/// The stored state of a file stream: the last file fully read (for
/// `order_by: name | mtime`) and, while a file is half read, a checkpoint of
/// the last committed line, so a stopped run goes on after it.
///
/// ```json
/// {"file": "sales-2024-05-01.csv", "mtime_us": 1714557600000000, "modified": "2024-05-01T10:00:00Z",
///  "_resume": {"file": "sales-2024-05-02.csv", "mtime_us": 1714644000000000, "line": 5001}}
/// ```
///
/// `line` is the last physical line of the last committed row; `complete`
/// marks a file read to its end in a run that reads every file (no
/// `order_by`), whose state is cleared when the run ends.
struct FileStreamState: Sendable, Hashable {
    /// A file as the cursor knows it: its name and modification time.
    struct Position: Sendable, Hashable, Comparable {
        var file: String
        /// Microseconds since 1970.
        var modified: Int64

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.modified, lhs.file) < (rhs.modified, rhs.file)
        }
    }

    /// A file being read.
    struct Checkpoint: Sendable, Hashable {
        var position: Position
        var line: Int
        var complete: Bool
    }

    static let resumeKey = "_resume"

    var done: Position?
    var resume: Checkpoint?

    init(done: Position? = nil, resume: Checkpoint? = nil) {
        self.done = done
        self.resume = resume
    }

    init(json: JSONValue?) {
        let object = json?.objectValue ?? [:]
        done = Self.position(object)
        if let checkpoint = object[Self.resumeKey]?.objectValue, let position = Self.position(checkpoint) {
            resume = Checkpoint(
                position: position, line: checkpoint["line"]?.intValue ?? 0, complete: checkpoint["complete"]?.boolValue ?? false
            )
        }
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let done {
            object["file"] = .string(done.file)
            object["mtime_us"] = .int(Int(done.modified))
            object["modified"] = .string(Self.display(done.modified))
        }
        if let resume {
            var checkpoint: [String: JSONValue] = [
                "file": .string(resume.position.file), "mtime_us": .int(Int(resume.position.modified)), "line": .int(resume.line),
            ]
            if resume.complete { checkpoint["complete"] = true }
            object[Self.resumeKey] = .object(checkpoint)
        }
        return .object(object)
    }

    private static func position(_ object: [String: JSONValue]) -> Position? {
        guard let file = object["file"]?.stringValue else { return nil }
        return Position(file: file, modified: Int64(object["mtime_us"]?.intValue ?? 0))
    }

    private static func display(_ micros: Int64) -> String {
        DateFormat.rfc3339.string(from: Date(timeIntervalSince1970: Double(micros) / 1_000_000))
    }
}
