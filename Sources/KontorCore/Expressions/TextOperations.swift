/// Python `str` methods the expression language emulates (`strip`, `split`, `replace`, `title` …).
enum TextOperations {
    /// `str.strip([chars])`, `lstrip`, `rstrip`: whitespace when `chars` is nil.
    static func strip(_ text: String, chars: String?, leading: Bool, trailing: Bool) -> String {
        let remove: (Character) -> Bool
        if let chars {
            let set = Set(chars)
            remove = { set.contains($0) }
        } else {
            remove = { $0.isWhitespace }
        }
        var slice = Substring(text)
        if leading { slice = slice.drop(while: remove) }
        if trailing {
            while let last = slice.last, remove(last) { slice = slice.dropLast() }
        }
        return String(slice)
    }

    /// `str.replace(old, new[, count])`; a negative count replaces all.
    static func replace(_ text: String, _ old: String, _ new: String, count: Int) -> String {
        if count < 0 { return old.isEmpty ? insertEverywhere(text, new, limit: .max) : text.replacingAll(old, with: new) }
        if old.isEmpty { return insertEverywhere(text, new, limit: count) }
        var output = ""
        var rest = Substring(text)
        var done = 0
        while done < count, let range = rest.firstRange(of: old) {
            output += rest[..<range.lowerBound]
            output += new
            rest = rest[range.upperBound...]
            done += 1
        }
        return output + rest
    }

    private static func insertEverywhere(_ text: String, _ new: String, limit: Int) -> String {
        var output = ""
        var done = 0
        for character in text {
            if done < limit {
                output += new
                done += 1
            }
            output.append(character)
        }
        if done < limit { output += new }
        return output
    }

    /// `str.split([sep[, maxsplit]])`: runs of whitespace when `separator` is nil.
    static func split(_ text: String, separator: String?, maxSplit: Int) -> [String] {
        var parts: [String] = []
        guard let separator else {
            var rest = Substring(text).drop(while: \.isWhitespace)
            while !rest.isEmpty {
                if maxSplit >= 0, parts.count == maxSplit {
                    parts.append(String(rest))
                    return parts
                }
                let word = rest.prefix { !$0.isWhitespace }
                parts.append(String(word))
                rest = rest[word.endIndex...].drop(while: \.isWhitespace)
            }
            return parts
        }
        var rest = Substring(text)
        while maxSplit < 0 || parts.count < maxSplit, let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// `str.capitalize()`: first character upper case, the rest lower case.
    static func capitalize(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst().lowercased()
    }

    /// `str.title()`: each run of letters starts upper case.
    static func title(_ text: String) -> String {
        var output = ""
        var previousIsLetter = false
        for character in text {
            output += previousIsLetter ? character.lowercased() : character.uppercased()
            previousIsLetter = character.isLetter
        }
        return output
    }
}

extension String {
    /// All occurrences of `old` replaced, comparing characters exactly (no locale rules).
    fileprivate func replacingAll(_ old: String, with new: String) -> String {
        var output = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: old) {
            output += rest[..<range.lowerBound]
            output += new
            rest = rest[range.upperBound...]
        }
        return output + rest
    }
}
