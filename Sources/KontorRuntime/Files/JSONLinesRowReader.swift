import Foundation
import KontorCore

/// The rows of one JSON Lines file: one JSON object per line. Empty lines
/// are skipped; a line that is not a JSON object is a bad row at its line.
/// `columns:` renames and types the keys it names.
final class JSONLinesRowReader: FileRowReader {
    private let chunks: FileChunks
    private let format: FileFormat
    private let decoder = JSONDecoder()
    /// Bytes after the last line break read so far.
    private var carry: [UInt8] = []
    private var lines: [(bytes: ArraySlice<UInt8>, line: Int)] = []
    private var buffer: [UInt8] = []
    private var index = 0
    /// The line number of the next line to split off.
    private var nextLine = 1
    private var finished = false

    init(chunks: FileChunks, format: FileFormat) {
        self.chunks = chunks
        self.format = format
    }

    func next() throws(FileSourceError) -> FileRow? {
        while let next = try nextLineBytes() {
            let line = next.line
            var text = next.bytes
            if line == 1, text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
            while let last = text.last, Self.isSpace(last) { text = text.dropLast() }
            while let first = text.first, Self.isSpace(first) { text = text.dropFirst() }
            if text.isEmpty { continue }
            let value: JSONValue
            do {
                value = try decoder.decode(JSONValue.self, from: Data(text))
            } catch {
                return .bad(line: line, reason: "not valid JSON")
            }
            guard case .object(let object) = value else {
                return .bad(line: line, reason: "a JSON \(value.typeName), not an object")
            }
            do {
                return .record(try format.layout.record(json: object), line: line)
            } catch {
                return .bad(line: line, reason: error.description)
            }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// The next line (without its LF) and its 1-based number; `nil` at the end.
    private func nextLineBytes() throws(FileSourceError) -> (bytes: ArraySlice<UInt8>, line: Int)? {
        while index >= lines.count {
            lines.removeAll(keepingCapacity: true)
            index = 0
            if finished { return nil }
            guard let chunk = try chunks.next() else {
                finished = true
                if !carry.isEmpty {
                    buffer = carry
                    carry = []
                    lines.append((buffer[...], nextLine))
                }
                continue
            }
            buffer = carry
            buffer.append(contentsOf: chunk)
            var start = buffer.startIndex
            while let end = buffer[start...].firstIndex(of: 0x0A) {
                lines.append((buffer[start..<end], nextLine))
                nextLine += 1
                start = end + 1
            }
            carry = Array(buffer[start...])
            if carry.count > format.maxRowBytes {
                throw .rowTooLong(file: chunks.name, line: nextLine, limit: format.maxRowBytes)
            }
        }
        index += 1
        return lines[index - 1]
    }
}
