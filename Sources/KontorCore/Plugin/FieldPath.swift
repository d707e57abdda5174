/// A path into a JSON record or response: a list of keys (`[data, items]`),
/// a dotted string (`data.items`) or a JSONPath-like string (`$.data.items[0]`).
///
/// `*` matches every element or key (dpath style). An empty path is the value itself.
///
/// ```yaml
/// records: {path: [customers]}
/// errors: {path: "$.errors", key: email_address}
/// ```
public struct FieldPath: Sendable, Hashable, Decodable, CustomStringConvertible {
    public var segments: [String]

    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// Parses `a.b`, `$.a.b[0]` or `$` (the value itself).
    public init(parsing text: String) {
        var body = Substring(text)
        if body.hasPrefix("$") { body = body.dropFirst() }
        if body.hasPrefix(".") { body = body.dropFirst() }
        var segments: [String] = []
        var current = ""
        for character in body {
            switch character {
            case ".", "[":
                if !current.isEmpty { segments.append(current) }
                current = ""
            case "]":
                continue
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { segments.append(current) }
        self.segments = segments
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(parsing: text)
        } else {
            let values = try container.decode([JSONValue].self)
            self.init(values.map { value in
                switch value {
                case .string(let text): text
                case .int(let index): String(index)
                default: "\(value)"
                }
            })
        }
    }

    /// `data.items`, or `$` for the empty path.
    public var description: String { segments.isEmpty ? "$" : segments.joined(separator: ".") }

    /// The schema of a path: a string or a list of keys and indices.
    public static let schema: Schema = .either([.string(), .array(.either([.string(), .integer()]))])
}
