/// A strftime/strptime pattern split once into literal text and fields, so
/// that formatting and parsing never re-scan the pattern.
///
/// Besides the C/Python codes it understands Airbyte's `%s` (epoch seconds)
/// and `%ms` (epoch milliseconds) anywhere in the pattern, and glibc's `-`
/// flag for unpadded numbers (`%-d`).
struct StrftimePattern: Sendable, Hashable {
    enum Field: String, Sendable, Hashable, CaseIterable {
        case weekdayShort = "a", weekdayLong = "A", monthShort = "b", monthLong = "B", dateAndTime = "c"
        case day = "d", dayBlankPadded = "e", microsecond = "f", isoDate = "F", hour = "H", hour12 = "I"
        case dayOfYear = "j", month = "m", minute = "M", amPm = "p", second = "S", epochSeconds = "s"
        case epochMilliseconds = "ms", time = "T", weekdayFromMonday = "u", weekdayFromSunday = "w"
        case year2 = "y", year = "Y", utcOffset = "z", zoneName = "Z", usDate = "D", hourMinute = "R"
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        case field(Field, padded: Bool)
    }

    let parts: [Part]
    /// Unknown codes such as `%Q`, kept as literal text; the loader reports them.
    let problems: [String]

    init(_ pattern: String) {
        var parts: [Part] = []
        var problems: [String] = []
        var literal = ""
        let characters = Array(pattern)
        var index = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            guard character == "%", index + 1 < characters.count else {
                if character == "%" { problems.append("a lone '%' at the end of the pattern") }
                literal.append(character)
                index += 1
                continue
            }
            var next = index + 1
            var padded = true
            if characters[next] == "-", next + 1 < characters.count {
                padded = false
                next += 1
            }
            let code = characters[next]
            if code == "m", next + 1 < characters.count, characters[next + 1] == "s" {
                flush()
                parts.append(.field(.epochMilliseconds, padded: padded))
                index = next + 2
                continue
            }
            switch code {
            case "%": literal.append("%")
            case "n": literal.append("\n")
            case "t": literal.append("\t")
            case "h":
                flush()
                parts.append(.field(.monthShort, padded: padded))
            default:
                if let field = Field(rawValue: String(code)) {
                    flush()
                    parts.append(.field(field, padded: padded))
                } else {
                    problems.append("unknown directive '%\(code)'")
                    literal.append("%")
                    literal.append(code)
                }
            }
            index = next + 1
        }
        flush()
        self.parts = parts
        self.problems = problems
    }

    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
