/// Turns the text of a cron expression into its five fields, reporting the
/// first problem with its character offset.
struct CronParser {
    private let characters: [Character]

    init(_ source: String) {
        characters = Array(source)
    }

    /// The macros and the five-field expressions they stand for.
    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
        "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
        "@hourly": "0 * * * *",
    ]

    private static let fieldList = "minute hour day-of-month month day-of-week"

    /// The five fields, or the first problem found.
    func parse() throws(CronError) -> [CronField] {
        let words = self.words()
        guard let first = words.first else {
            throw CronError(offset: 0, "empty cron expression; expected 5 fields (\(Self.fieldList)) or a macro such as @daily")
        }
        if first.text.hasPrefix("@") {
            return try parseMacro(first, rest: words.dropFirst())
        }
        guard words.count == 5 else {
            let offset = words.count > 5 ? words[5].offset : characters.count
            throw CronError(offset: offset, "expected 5 fields (\(Self.fieldList)) but found \(words.count)")
        }
        var fields: [CronField] = []
        for (word, kind) in zip(words, CronFieldKind.all) {
            fields.append(try parseField(word, kind))
        }
        return fields
    }

    private func parseMacro(_ word: Word, rest: ArraySlice<Word>) throws(CronError) -> [CronField] {
        let name = word.text.lowercased()
        guard let expansion = Self.macros[name] else {
            if name == "@reboot" {
                throw CronError(offset: word.offset, "@reboot is not supported: a schedule runs at times, not at start-up")
            }
            var message = "unknown macro '\(word.text)'"
            if let suggestion = NearestName.suggest(for: name, among: Self.macros.keys.sorted()) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected @hourly, @daily, @weekly, @monthly or @yearly"
            }
            throw CronError(offset: word.offset, message)
        }
        if let extra = rest.first {
            throw CronError(offset: extra.offset, "unexpected text '\(extra.text)' after \(word.text)")
        }
        return try CronParser(expansion).parse()
    }

    // MARK: Fields

    private func parseField(_ word: Word, _ kind: CronFieldKind) throws(CronError) -> CronField {
        var bits: UInt64 = 0
        for item in word.split(on: ",") {
            guard !item.text.isEmpty else {
                throw CronError(offset: item.offset, "empty item in \(kind.name) list '\(word.text)'")
            }
            bits |= try parseItem(item, kind)
        }
        return CronField(bits: bits, isStar: word.text.hasPrefix("*"))
    }

    /// One list item: `*`, `5`, `1-5`, `mon-fri`, each optionally with `/step`.
    private func parseItem(_ item: Word, _ kind: CronFieldKind) throws(CronError) -> UInt64 {
        let parts = item.split(on: "/")
        guard parts.count <= 2 else {
            throw CronError(offset: parts[2].offset - 1, "\(kind.name) item '\(item.text)' has more than one '/'")
        }
        let rangePart = parts[0]
        var range: ClosedRange<Int>
        if rangePart.text == "*" {
            range = kind.starRange
        } else {
            let bounds = rangePart.split(on: "-")
            guard bounds.count <= 2 else {
                throw CronError(offset: bounds[2].offset - 1, "\(kind.name) range '\(rangePart.text)' has more than one '-'")
            }
            let start = try value(bounds[0], kind)
            if bounds.count == 2 {
                let end = try value(bounds[1], kind)
                guard start <= end else {
                    throw CronError(
                        offset: rangePart.offset,
                        "\(kind.name) range \(rangePart.text) runs backwards; the start must not exceed the end"
                    )
                }
                range = start...end
            } else {
                // `5/15` means `5-59/15`, as in most cron implementations; a plain `5` is one value.
                range = start...(parts.count == 2 ? kind.starRange.upperBound : start)
            }
        }
        let step = parts.count == 2 ? try self.step(parts[1], kind) : 1
        var bits: UInt64 = 0
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) {
            // Sunday may be written 7; it is stored as 0.
            let stored = (kind.name == CronFieldKind.dayOfWeek.name && value == 7) ? 0 : value
            bits |= 1 << UInt64(stored)
        }
        return bits
    }

    private func value(_ word: Word, _ kind: CronFieldKind) throws(CronError) -> Int {
        guard !word.text.isEmpty else {
            throw CronError(offset: word.offset, "\(kind.name) range is missing a number")
        }
        if word.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let number = Int(word.text), kind.range.contains(number) else {
                throw CronError(
                    offset: word.offset,
                    "\(kind.name) value \(word.text) out of range \(kind.range.lowerBound)-\(kind.range.upperBound)"
                )
            }
            return number
        }
        let lowered = word.text.lowercased()
        if let index = kind.names.firstIndex(of: lowered) {
            return kind.range.lowerBound + index
        }
        if kind.names.isEmpty {
            throw CronError(offset: word.offset, "invalid \(kind.name) value '\(word.text)'; expected a number")
        }
        var message = "unknown \(kind.name) name '\(word.text)'"
        if let suggestion = NearestName.suggest(for: lowered, among: kind.names) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected a number or one of \(kind.names.joined(separator: ", "))"
        }
        throw CronError(offset: word.offset, message)
    }

    private func step(_ word: Word, _ kind: CronFieldKind) throws(CronError) -> Int {
        let span = kind.starRange.count
        guard !word.text.isEmpty, word.text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CronError(offset: word.offset, "invalid \(kind.name) step '\(word.text)'; expected a number")
        }
        guard let step = Int(word.text), (1...span).contains(step) else {
            throw CronError(offset: word.offset, "\(kind.name) step \(word.text) out of range 1-\(span)")
        }
        return step
    }

    // MARK: Words

    /// A piece of the source text with the offset of its first character.
    struct Word {
        var text: String
        var offset: Int

        func split(on separator: Character) -> [Word] {
            var result: [Word] = []
            var start = offset
            var current = ""
            for (index, character) in text.enumerated() {
                if character == separator {
                    result.append(Word(text: current, offset: start))
                    current = ""
                    start = offset + index + 1
                } else {
                    current.append(character)
                }
            }
            result.append(Word(text: current, offset: start))
            return result
        }
    }

    /// The whitespace-separated words of the source.
    private func words() -> [Word] {
        var result: [Word] = []
        var current: Word?
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if let word = current { result.append(word) }
                current = nil
            } else if current == nil {
                current = Word(text: String(character), offset: index)
            } else {
                current?.text.append(character)
            }
        }
        if let word = current { result.append(word) }
        return result
    }
}
