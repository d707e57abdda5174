import Foundation
import KontorCore

extension StoreURL {
    /// The engine names a store URL may start with.
    public static let schemes = ["sqlite", "postgres", "postgresql"]

    /// Parses the `store:` setting; the error says what is wrong and what was probably meant.
    ///
    /// ```swift
    /// try StoreURL(parsing: "sqlite::memory:")     // .sqliteMemory
    /// try StoreURL(parsing: "sqlite://kontor.db")  // throws: … write 'sqlite:kontor.db' …
    /// ```
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let forms = "use sqlite:kontor.db, sqlite:///absolute/path.db, sqlite::memory: or postgres://user@host/database"
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidURL, "the store URL is empty; \(forms)")
        }
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw StoreError(.invalidURL, "store URL '\(trimmed)' names no engine; did you mean 'sqlite:\(trimmed)'?")
        }
        let scheme = trimmed[..<colon].lowercased()
        let rest = String(trimmed[trimmed.index(after: colon)...])
        switch scheme {
        case "sqlite":
            self = try Self.parseSQLite(rest, url: trimmed)
        case "postgres", "postgresql":
            self = .postgres(try Self.parsePostgres(rest, url: trimmed))
        default:
            var message = "unknown store engine '\(scheme)' in '\(Self.redacted(trimmed))'"
            if let suggestion = NearestName.suggest(for: scheme, among: Self.schemes) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; \(forms)"
            }
            throw StoreError(.invalidURL, message)
        }
    }

    private static func parseSQLite(_ rest: String, url: String) throws(StoreError) -> StoreURL {
        if rest == ":memory:" { return .sqliteMemory }
        if rest.hasPrefix(":") {
            throw StoreError(.invalidURL, "store URL '\(url)' is not valid; did you mean 'sqlite::memory:'?")
        }
        if rest.contains("?") {
            throw StoreError(.invalidURL, "store URL '\(url)' has query parameters; SQLite stores take none")
        }
        var path = rest
        if rest.hasPrefix("//") {
            let afterSlashes = String(rest.dropFirst(2))
            guard afterSlashes.hasPrefix("/") else {
                let hint =
                    afterSlashes.isEmpty
                    ? "" : "; did you mean 'sqlite:\(afterSlashes)' (relative) or 'sqlite:///\(afterSlashes)' (absolute)?"
                throw StoreError(
                    .invalidURL, "store URL '\(url)' names a host, but a SQLite store is a local file\(hint)")
            }
            path = afterSlashes
        }
        guard !path.isEmpty, path != "/" else {
            throw StoreError(.invalidURL, "store URL '\(url)' has no file path; e.g. 'sqlite:kontor.db'")
        }
        guard !path.hasSuffix("/") else {
            throw StoreError(
                .invalidURL, "store URL '\(url)' names a folder; add a file name, e.g. 'sqlite:\(path)kontor.db'")
        }
        return .sqliteFile(path: path)
    }

    private static func parsePostgres(_ rest: String, url: String) throws(StoreError) -> PostgresLocation {
        let shown = redacted(url)
        guard rest.hasPrefix("//") else {
            throw StoreError(
                .invalidURL,
                "store URL '\(shown)' is not valid; PostgreSQL URLs look like postgres://user:password@host:5432/database")
        }
        var remainder = Substring(rest.dropFirst(2))
        var query = ""
        if let mark = remainder.firstIndex(of: "?") {
            query = String(remainder[remainder.index(after: mark)...])
            remainder = remainder[..<mark]
        }
        var authority = remainder
        var database: String?
        if let slash = remainder.firstIndex(of: "/") {
            authority = remainder[..<slash]
            let name = String(remainder[remainder.index(after: slash)...])
            database = name.isEmpty ? nil : try decode(name, part: "database name", url: shown)
        }
        var location = PostgresLocation(database: database)
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let separator = credentials.firstIndex(of: ":") {
                location.user = try decode(String(credentials[..<separator]), part: "user name", url: shown)
                location.password = try decode(
                    String(credentials[credentials.index(after: separator)...]), part: "password", url: shown)
            } else {
                location.user = try decode(String(credentials), part: "user name", url: shown)
            }
        }
        try parseHostAndPort(String(authority), into: &location, url: shown)
        location.parameters = try parseParameters(query, url: shown)
        return location
    }

    private static func parseHostAndPort(_ authority: String, into location: inout PostgresLocation, url: String)
        throws(StoreError)
    {
        var host = authority
        var port: String?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw StoreError(.invalidURL, "store URL '\(url)' has an unclosed '[' in its host")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        }
        if !host.isEmpty { location.host = host }
        if let port {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw StoreError(.invalidURL, "store URL '\(url)' has port '\(port)'; a port is a number from 1 to 65535")
            }
            location.port = number
        }
    }

    private static func parseParameters(_ query: String, url: String) throws(StoreError) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw StoreError(.invalidURL, "store URL '\(url)' has parameter '\(pair)' without 'name=value'")
            }
            let name = try decode(String(pair[..<equals]), part: "parameter name", url: url)
            let value = try decode(String(pair[pair.index(after: equals)...]), part: "parameter '\(name)'", url: url)
            parameters.append((name, value))
        }
        return parameters
    }

    private static func decode(_ text: String, part: String, url: String) throws(StoreError) -> String {
        guard let decoded = text.removingPercentEncoding else {
            throw StoreError(.invalidURL, "store URL '\(url)' has a badly %-encoded \(part)")
        }
        return decoded
    }

    /// `url` with the password of a `scheme://user:password@host` form replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let start = url.range(of: "://") else { return url }
        let authorityEnd = url[start.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? url.endIndex
        let authority = url[start.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<authority.index(after: colon)]) + "***" + String(url[at...])
    }
}
