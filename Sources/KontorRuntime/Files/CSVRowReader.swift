import Foundation
import KontorCore

/// The rows of one CSV file as records: the header row (or `names:`) names
/// the columns, `columns:` renames and types them, and a row with the wrong
/// number of fields is a bad row at the line it starts on.
final class CSVRowReader: FileRowReader {
    private let chunks: FileChunks
    private let format: FileFormat
    private var parser: CSVParser
    private var layout: RecordLayout
    private var needsHeader: Bool
    private var pending: [CSVParser.Row] = []
    private var index = 0
    private var finished = false

    init(chunks: FileChunks, format: FileFormat) {
        self.chunks = chunks
        self.format = format
        parser = CSVParser(delimiter: format.delimiter)
        layout = format.layout
        needsHeader = format.header
    }

    func next() throws(FileSourceError) -> FileRow? {
        while let row = try nextParsed() {
            guard let row else {
                return .bad(line: parser.currentRowLine, reason: "a quoted field is not closed before the end of the file")
            }
            let texts = row.fields.map { format.encoding.string($0) }
            if needsHeader {
                needsHeader = false
                layout = layout.with(headers: format.names.map { $0.isEmpty ? texts : $0 } ?? texts)
                continue
            }
            do {
                return .record(try layout.record(csv: texts), line: row.line)
            } catch {
                return .bad(line: row.line, reason: error.description)
            }
        }
        return nil
    }

    /// The next parsed row; `.some(nil)` for a quoted field left open at the end; `nil` after the last row.
    private func nextParsed() throws(FileSourceError) -> CSVParser.Row?? {
        while index >= pending.count {
            pending.removeAll(keepingCapacity: true)
            index = 0
            if finished { return nil }
            if let chunk = try chunks.next() {
                parser.feed(chunk) { pending.append($0) }
                if parser.heldBytes > format.maxRowBytes {
                    throw .rowTooLong(file: chunks.name, line: parser.currentRowLine, limit: format.maxRowBytes)
                }
            } else {
                finished = true
                do {
                    try parser.finish { pending.append($0) }
                } catch {
                    return .some(nil)
                }
            }
        }
        index += 1
        return pending[index - 1]
    }
}
