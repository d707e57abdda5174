/// Joining a plugin's `base_url` with a stream's `path`, and the pieces of a
/// URL that pagination and error messages need.
///
/// ```swift
/// RequestURL.join(base: "https://shop.test/admin/api/2024-10/", path: "customers.json")
/// // "https://shop.test/admin/api/2024-10/customers.json"
/// ```
public enum RequestURL {
    /// `base` and `path` joined by exactly one `/`; an absolute `path` (`https://…`) replaces `base`.
    public static func join(base: String, path: String) -> String {
        if isAbsolute(path) { return path }
        if path.isEmpty { return base }
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        let trimmedPath = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return trimmedBase + "/" + trimmedPath
    }

    /// True for `http://…` and `https://…`.
    public static func isAbsolute(_ url: String) -> Bool {
        url.hasPrefix("http://") || url.hasPrefix("https://")
    }

    /// `https://host:port` of an absolute URL, or `nil`.
    public static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<hostEnd])
    }

    /// The path of an absolute URL (`/admin/customers.json`), `/` when it has none.
    public static func path(of url: String) -> String {
        let withoutQuery = withoutQuery(url)
        guard let origin = origin(of: withoutQuery) else { return withoutQuery }
        let path = String(withoutQuery.dropFirst(origin.count))
        return path.isEmpty ? "/" : path
    }

    /// The URL without its query string and fragment.
    public static func withoutQuery(_ url: String) -> String {
        guard let index = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return url }
        return String(url[..<index])
    }

    /// The decoded query items of a URL.
    public static func queryItems(of url: String) -> [QueryItem] {
        guard let start = url.firstIndex(of: "?") else { return [] }
        let query = url[url.index(after: start)...].prefix { $0 != "#" }
        return PercentEncoding.parseQuery(String(query))
    }

    /// A relative reference (`/customers.json?page_info=x`) resolved against `base`'s origin.
    public static func resolve(_ reference: String, against base: String) -> String {
        if isAbsolute(reference) { return reference }
        guard let origin = origin(of: base) else { return reference }
        if reference.hasPrefix("/") { return origin + reference }
        let basePath = path(of: base)
        let directory = basePath.hasSuffix("/") ? basePath : String(basePath[..<(basePath.lastIndex(of: "/") ?? basePath.startIndex)]) + "/"
        return origin + directory + reference
    }
}
