/// A compiled `@path`: dot notation with `[n]` indexing, `['key']` for keys
/// with dots, a leading `$.` that may be left out, and `*` / `[*]` wildcards.
///
/// `$.traits.email`, `items[0].sku`, `$.items[*].sku`, `$` (the whole input).
/// A path whose first key names a variable of the mapping's scope
/// (`$.config.list_id`) reads that variable; any other path reads the input
/// (the record or profile the mapping is applied to).
struct MappingPath: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
        case wildcard
    }

    /// A path syntax error at a character offset of the path text.
    struct SyntaxError: Error {
        let offset: Int
        let message: String
    }

    let text: String
    let segments: [Segment]
    /// Character offset of each segment inside `text`.
    let offsets: [Int]

    var hasWildcard: Bool { segments.contains(.wildcard) }

    init(parsing text: String) throws(SyntaxError) {
        self.text = text
        let characters = Array(text)
        var position = 0
        if text == "$" {
            (segments, offsets) = ([], [])
            return
        }
        if text.hasPrefix("$.") {
            position = 2
        } else if text.hasPrefix("$[") {
            position = 1
        }
        guard position < characters.count else { throw SyntaxError(offset: 0, message: "empty path") }
        var parser = MappingPathParser(characters: characters, position: position)
        (segments, offsets) = try parser.parse()
    }

    /// The value at this path; `nil` (undefined) when a step is missing. With a wildcard,
    /// an array of every match (missing matches are left out).
    func resolve(in value: JSONValue, from start: Int = 0) -> JSONValue? {
        guard hasWildcard else { return Self.follow(segments[start...], in: value) }
        var matches: [JSONValue] = []
        Self.collect(segments[start...], in: value, into: &matches)
        return .array(matches)
    }

    private static func follow(_ segments: ArraySlice<Segment>, in value: JSONValue) -> JSONValue? {
        var current = value
        for segment in segments {
            guard let next = step(segment, in: current) else { return nil }
            current = next
        }
        return current
    }

    private static func collect(_ segments: ArraySlice<Segment>, in value: JSONValue, into matches: inout [JSONValue]) {
        guard let first = segments.first else {
            matches.append(value)
            return
        }
        let rest = segments.dropFirst()
        if first == .wildcard {
            switch value {
            case .array(let items): items.forEach { collect(rest, in: $0, into: &matches) }
            case .object(let object):
                for (_, item) in object.sorted(by: { $0.key < $1.key }) { collect(rest, in: item, into: &matches) }
            default: return
            }
        } else if let next = step(first, in: value) {
            collect(rest, in: next, into: &matches)
        }
    }

    private static func step(_ segment: Segment, in value: JSONValue) -> JSONValue? {
        switch (segment, value) {
        case (.key(let key), .object(let object)): return object[key]
        case (.key(let key), .array(let items)):
            guard let index = Int(key), items.indices.contains(index) else { return nil }
            return items[index]
        case (.index(let index), .array(let items)):
            guard items.indices.contains(index) else { return nil }
            return items[index]
        case (.index(let index), .object(let object)): return object[String(index)]
        default: return nil
        }
    }
}

/// The character-level reader behind `MappingPath`.
private struct MappingPathParser {
    let characters: [Character]
    var position: Int

    mutating func parse() throws(MappingPath.SyntaxError) -> ([MappingPath.Segment], [Int]) {
        var segments: [MappingPath.Segment] = []
        var offsets: [Int] = []
        var expectKey = characters[position] != "["
        while position < characters.count {
            let start = position
            if characters[position] == "[" {
                segments.append(try bracket())
            } else if expectKey {
                segments.append(try key())
            } else {
                throw MappingPath.SyntaxError(offset: position, message: "expected '.' or '[' after a path segment")
            }
            offsets.append(start)
            expectKey = false
            if position < characters.count, characters[position] == "." {
                position += 1
                expectKey = true
                if position == characters.count { throw .init(offset: position - 1, message: "path ends with '.'") }
            }
        }
        return (segments, offsets)
    }

    private mutating func key() throws(MappingPath.SyntaxError) -> MappingPath.Segment {
        let start = position
        while position < characters.count, characters[position] != ".", characters[position] != "[" {
            if characters[position] == "]" { throw .init(offset: position, message: "unexpected ']'") }
            position += 1
        }
        guard position > start else { throw .init(offset: start, message: "empty path segment") }
        let name = String(characters[start..<position])
        return name == "*" ? .wildcard : .key(name)
    }

    private mutating func bracket() throws(MappingPath.SyntaxError) -> MappingPath.Segment {
        let open = position
        position += 1
        guard let close = characters[position...].firstIndex(of: "]") else {
            throw .init(offset: open, message: "unclosed '['")
        }
        let inner = String(characters[position..<close]).trimmingCharacters(in: .whitespaces)
        position = close + 1
        if inner == "*" { return .wildcard }
        if let index = Int(inner), index >= 0 { return .index(index) }
        if inner.count >= 2, let quote = inner.first, quote == "'" || quote == "\"", inner.last == quote {
            return .key(String(inner.dropFirst().dropLast()))
        }
        throw .init(offset: open, message: "expected an index, '*' or a quoted key inside '[]', got '\(inner)'")
    }
}
