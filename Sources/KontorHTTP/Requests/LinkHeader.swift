/// A parsed HTTP `Link` header (RFC 8288), as Shopify, WooCommerce and
/// GitHub send it for pagination.
///
/// Handles several links in one header or in repeated headers, quoted and
/// unquoted parameters, commas and semicolons inside quotes or inside the
/// `<…>` target, and `rel` values holding several relation types.
///
/// ```swift
/// let links = LinkHeader(parsing: #"<https://s.test/c.json?page_info=b>; rel="next", <https://s.test/c.json?page_info=a>; rel="previous""#)
/// links.url(rel: "next")   // "https://s.test/c.json?page_info=b"
/// ```
public struct LinkHeader: Sendable, Hashable {
    /// One link: its target and its parameters (names lowercased, values unquoted).
    public struct Link: Sendable, Hashable {
        public var target: String
        public var parameters: [String: String]

        public init(target: String, parameters: [String: String] = [:]) {
            self.target = target
            self.parameters = parameters
        }

        /// The relation types of `rel`, lowercased (`rel="next last"` → `["next", "last"]`).
        public var relations: [String] {
            (parameters["rel"] ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
    }

    public var links: [Link]

    public init(links: [Link]) {
        self.links = links
    }

    /// Parses one header value; malformed parts are skipped, never fatal.
    public init(parsing value: String) {
        self.links = Self.parse(Array(value.unicodeScalars))
    }

    /// Parses every value of repeated `Link` headers, in order.
    public init(parsing values: [String]) {
        self.links = values.flatMap { Self.parse(Array($0.unicodeScalars)) }
    }

    /// The target of the first link whose `rel` includes `rel` (case-insensitive).
    public func url(rel: String) -> String? {
        let wanted = rel.lowercased()
        return links.first { $0.relations.contains(wanted) }?.target
    }

    private static func parse(_ scalars: [Unicode.Scalar]) -> [Link] {
        var links: [Link] = []
        var index = 0
        while index < scalars.count {
            guard let open = scalars[index...].firstIndex(of: "<") else { break }
            guard let close = scalars[(open + 1)...].firstIndex(of: ">") else { break }
            let target = String(String.UnicodeScalarView(scalars[(open + 1)..<close])).trimmingSpaces
            var parameters: [String: String] = [:]
            index = close + 1
            // Parameters: `; name=value` or `; name="quoted, value"` until the next top-level comma.
            while index < scalars.count {
                skipWhitespace(scalars, &index)
                guard index < scalars.count else { break }
                if scalars[index] == "," { index += 1; break }
                guard scalars[index] == ";" else { index += 1; continue }
                index += 1
                skipWhitespace(scalars, &index)
                let name = readToken(scalars, &index, stoppingAt: ["=", ";", ","]).trimmingSpaces.lowercased()
                skipWhitespace(scalars, &index)
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    skipWhitespace(scalars, &index)
                    value = index < scalars.count && scalars[index] == "\""
                        ? readQuoted(scalars, &index)
                        : readToken(scalars, &index, stoppingAt: [";", ","]).trimmingSpaces
                }
                // RFC 8288 §3.3: only the first occurrence of a parameter counts.
                if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
            }
            if !target.isEmpty { links.append(Link(target: target, parameters: parameters)) }
        }
        return links
    }

    private static func skipWhitespace(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    private static func readToken(_ scalars: [Unicode.Scalar], _ index: inout Int, stoppingAt stops: Set<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        while index < scalars.count, !stops.contains(scalars[index]) {
            text.append(scalars[index])
            index += 1
        }
        return String(text)
    }

    /// A quoted string starting at `index` (on the opening quote), with `\x` escapes.
    private static func readQuoted(_ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
        var text = String.UnicodeScalarView()
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\\", index < scalars.count {
                text.append(scalars[index])
                index += 1
            } else if scalar == "\"" {
                break
            } else {
                text.append(scalar)
            }
        }
        return String(text)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
