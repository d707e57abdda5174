/// A streaming RFC 4180 parser: bytes go in chunk by chunk, complete rows
/// come out, each with the physical line it starts on.
///
/// Quoted fields may hold the delimiter, doubled quotes (`""`) and line
/// breaks; rows end with LF, CRLF or a lone CR; empty lines are skipped; a
/// UTF-8 byte order mark at the very start is dropped. The parser is lenient
/// where RFC 4180 is silent: text after a closing quote is kept, a quote in
/// the middle of an unquoted field is an ordinary character. Only a quoted
/// field still open at the end of the input is an error.
///
/// It holds only the row being read, so memory stays bounded by the longest
/// row, whatever the file size.
///
/// ```swift
/// var parser = CSVParser(delimiter: UInt8(ascii: ";"))
/// try parser.feed(chunk) { row in rows.append(row) }
/// try parser.finish { row in rows.append(row) }
/// ```
struct CSVParser: Sendable {
    /// One row: its fields (raw bytes of each, decoded by the caller) and the 1-based line it starts on.
    struct Row: Sendable, Hashable {
        var fields: [[UInt8]]
        var line: Int
    }

    /// A quoted field still open when the input ended; `line` is where its row starts.
    struct UnterminatedQuote: Error, Sendable, Hashable {
        var line: Int
    }

    private enum State: Sendable {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    let delimiter: UInt8
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    /// The physical line of the next byte (1-based).
    private var line = 1
    private var rowLine = 1
    /// Something of the current row was seen (a byte, a delimiter, a quote).
    private var rowStarted = false
    /// The last byte was a CR ending a line: a following LF belongs to it.
    private var afterCR = false
    /// Bytes of the input seen so far, up to the length of a BOM.
    private var prefix: [UInt8] = []
    private var prefixDone = false

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Bytes held for the row being read: what bounds the parser's memory.
    var heldBytes: Int { fields.reduce(field.count) { $0 + $1.count } }

    /// The line the row being read starts on.
    var currentRowLine: Int { rowLine }

    /// Parses `bytes`, calling `emit` for each row completed by them.
    mutating func feed(_ bytes: some Sequence<UInt8>, emit: (Row) throws -> Void) rethrows {
        for byte in bytes {
            if !prefixDone {
                prefix.append(byte)
                if prefix.count < Self.bom.count, Self.bom.starts(with: prefix) { continue }
                prefixDone = true
                let pending = prefix == Self.bom ? [] : prefix
                prefix = []
                for held in pending { try consume(held, emit: emit) }
                continue
            }
            try consume(byte, emit: emit)
        }
    }

    /// Ends the input: emits the last row when it has no final line break.
    /// - Throws: ``UnterminatedQuote`` when a quoted field is still open.
    mutating func finish(emit: (Row) throws -> Void) throws {
        if !prefixDone {
            prefixDone = true
            let pending = prefix == Self.bom ? [] : prefix
            prefix = []
            for held in pending { try consume(held, emit: emit) }
        }
        if state == .quoted { throw UnterminatedQuote(line: rowLine) }
        if rowStarted { try endRow(emit: emit) }
    }

    private mutating func consume(_ byte: UInt8, emit: (Row) throws -> Void) rethrows {
        if afterCR {
            afterCR = false
            if byte == Self.lf { return }
        }
        switch state {
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
            } else {
                countLine(byte)
                field.append(byte)
            }
        case .quoteInQuoted:
            if byte == Self.quote {
                field.append(byte)
                state = .quoted
            } else {
                state = .unquoted
                try unquoted(byte, emit: emit)
            }
        case .fieldStart:
            if byte == Self.quote {
                startRow()
                state = .quoted
            } else {
                try unquoted(byte, emit: emit)
            }
        case .unquoted:
            try unquoted(byte, emit: emit)
        }
    }

    /// A byte outside quotes: a delimiter, a line end, or part of the field.
    private mutating func unquoted(_ byte: UInt8, emit: (Row) throws -> Void) rethrows {
        switch byte {
        case delimiter:
            startRow()
            fields.append(field)
            field = []
            state = .fieldStart
        case Self.lf, Self.cr:
            afterCR = byte == Self.cr
            line += 1
            if rowStarted { try endRow(emit: emit) }
            rowLine = line
        default:
            startRow()
            field.append(byte)
            state = .unquoted
        }
    }

    /// Counts a line break inside a quoted field (LF, CRLF once, lone CR).
    private mutating func countLine(_ byte: UInt8) {
        if byte == Self.lf {
            if field.last != Self.cr { line += 1 }
        } else if byte == Self.cr {
            line += 1
        }
    }

    private mutating func startRow() {
        if !rowStarted {
            rowStarted = true
            rowLine = line
        }
    }

    private mutating func endRow(emit: (Row) throws -> Void) rethrows {
        fields.append(field)
        let row = Row(fields: fields, line: rowLine)
        fields = []
        field = []
        state = .fieldStart
        rowStarted = false
        rowLine = line
        try emit(row)
    }
}
