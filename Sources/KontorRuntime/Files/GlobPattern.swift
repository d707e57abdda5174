/// A file glob relative to a root folder: `*` (any text within one path
/// segment), `?` (one character), `[abc]` / `[a-z]` / `[!0-9]` (a character
/// class) and `**` (any number of folders, also none).
///
/// ```swift
/// let glob = try GlobPattern("exports/**/sales-*.csv")
/// glob.matches("exports/2024/05/sales-01.csv")   // true
/// glob.matches("exports/sales-01.csv")           // true
/// ```
struct GlobPattern: Sendable, Hashable {
    /// Why a pattern is refused: it leaves the root, or is empty.
    struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String
    }

    let text: String
    private let segments: [String]

    init(_ text: String) throws(Invalid) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        if text.hasPrefix("/") { throw Invalid(description: "file.path '\(text)' must be relative to files.root") }
        if parts.contains("..") { throw Invalid(description: "file.path '\(text)' must not leave files.root ('..')") }
        if parts.isEmpty { throw Invalid(description: "file.path is empty") }
        self.text = text
        segments = parts
    }

    /// How many path segments a match has; `nil` when `**` allows any depth (the walk then visits every folder).
    var depth: Int? { segments.contains("**") ? nil : segments.count }

    /// Whether `path` (relative to the root, `/`-separated) matches.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let name = path.first, segment(Array(head.unicodeScalars)[...], Array(name.unicodeScalars)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// One path segment against one pattern segment.
    private static func segment(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let head = pattern.first else { return name.isEmpty }
        switch head {
        case "*":
            var rest = name
            while true {
                if segment(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            guard !name.isEmpty else { return false }
            return segment(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let scalar = name.first, let found = characterClass(pattern.dropFirst(), scalar) else {
                return name.first == "[" && segment(pattern.dropFirst(), name.dropFirst())
            }
            return found.matched && segment(found.rest, name.dropFirst())
        default:
            return name.first == head && segment(pattern.dropFirst(), name.dropFirst())
        }
    }

    /// Reads `[...]` after the `[`: whether `scalar` is in it, and the pattern after `]`; `nil` when unclosed.
    private static func characterClass(
        _ pattern: ArraySlice<Unicode.Scalar>, _ scalar: Unicode.Scalar
    ) -> (matched: Bool, rest: ArraySlice<Unicode.Scalar>)? {
        var rest = pattern
        let negated = rest.first == "!" || rest.first == "^"
        if negated { rest = rest.dropFirst() }
        var matched = false
        var first = true
        while let current = rest.first {
            if current == "]", !first { return (matched != negated, rest.dropFirst()) }
            first = false
            rest = rest.dropFirst()
            if rest.first == "-", let upper = rest.dropFirst().first, upper != "]" {
                if current.value <= scalar.value, scalar.value <= upper.value { matched = true }
                rest = rest.dropFirst(2)
            } else if current == scalar {
                matched = true
            }
        }
        return nil
    }
}
